import falcon


class LogoutResource:
    def on_get(self, req, resp):
        nxt = req.get_param("next")
        if nxt:
            raise falcon.HTTPFound(nxt)  # expect: CWE-601
        raise falcon.HTTPSeeOther("/")  # safe: CWE-601


app = falcon.App()
app.add_route("/logout", LogoutResource())
