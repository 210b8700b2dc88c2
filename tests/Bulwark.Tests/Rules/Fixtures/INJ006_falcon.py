# INJ006 open-redirect: Falcon's redirect exceptions to a URL from the request.
import falcon


class LoginResource:
    def on_post(self, req, resp):
        target = req.get_param("next") or "/"
        if req.get_param("home"):
            raise falcon.HTTPSeeOther("/home")  # negative: a fixed path
        raise falcon.HTTPFound(target)  # positive: any site
