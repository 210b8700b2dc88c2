# INJ006 open-redirect: Tornado's redirect to a URL from the request.
import tornado.web


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        target = self.get_body_argument("next", "/")
        self.redirect(target)  # positive: any site
        self.redirect(self.reverse_url("home"))  # negative: the application's own route
