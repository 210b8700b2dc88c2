# INJ007 reflected-xss: an http.server handler writing request data into its response body.
import html
import http.server
import json
import urllib.parse


def query_of(path):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)


class PageHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = query_of(self.path).get("name", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(("<h1>Hello %s</h1>" % name).encode())  # positive: an HTML page
        self.wfile.write(("<p>%s</p>" % html.escape(name)).encode())  # negative: escaped

    def do_HEAD(self):
        # No content type at all: a browser sniffs the body and may render it as HTML.
        self.send_response(200)
        self.end_headers()
        self.wfile.write(self.path.encode())  # positive: no declared type


class ApiHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        name = query_of(self.path).get("name", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"name": name}).encode())  # negative: declared JSON


class TextHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404)
        self.send_header("Content-type", "text/plain")
        self.end_headers()
        self.wfile.write(("not found: " + self.path).encode())  # negative: declared plain text
