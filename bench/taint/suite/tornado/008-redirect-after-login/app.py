import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        user = self.get_body_argument("user")
        self.set_signed_cookie("user", user)  # expect: CWE-501
        next_url = self.get_argument("next", None)
        if next_url:
            self.redirect(next_url)  # expect: CWE-601
        else:
            self.redirect(self.reverse_url("home"))  # safe: CWE-601


class HomeHandler(tornado.web.RequestHandler):
    def get(self):
        self.write("home")


def make_app():
    return tornado.web.Application([
        tornado.web.url(r"/", HomeHandler, name="home"),
        tornado.web.url(r"/login", LoginHandler, name="login"),
    ], cookie_secret="change-me")
