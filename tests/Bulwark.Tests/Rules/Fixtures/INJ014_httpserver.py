# INJ014 http-header-injection: http.server's send_header writes the value as given, so CR/LF from the request starts
# another header (or the body).
import http.server
import urllib.parse


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        lang = query.get("lang", ["en"])[0]
        self.send_response(200)
        self.send_header("Content-Language", lang)  # positive: a query parameter as a header value
        self.send_header("X-Lang", urllib.parse.quote(lang))  # negative: percent-encoded
        self.send_header("Content-Type", "text/plain")  # negative: a constant
        self.end_headers()
