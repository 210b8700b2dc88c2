# INJ013 trust-boundary-violation: a signed cookie is trusted when it comes back; request data stored in one crosses
# the trust boundary.
import tornado.web


class PrefsHandler(tornado.web.RequestHandler):
    def post(self):
        self.set_secure_cookie("role", self.get_body_argument("role"))  # positive: the client chooses its role
        self.set_secure_cookie("theme", "dark")  # negative: a constant
