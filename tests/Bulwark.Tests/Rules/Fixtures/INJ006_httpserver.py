# INJ006 open-redirect: an http.server handler sending a `Location` header chosen by the request.
import http.server
import urllib.parse

ALLOWED = {"/", "/home", "/account"}


class LoginHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        target = query.get("next", ["/"])[0]
        self.send_response(302)
        self.send_header("Location", target)  # positive: the request chooses where the browser goes
        self.end_headers()

    def do_POST(self):
        target = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("next", ["/"])[0]
        self.send_response(302)
        if target in ALLOWED:
            self.send_header("Location", target)  # negative: allowlisted
        else:
            self.send_header("Location", "/")  # negative: a constant
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
