import json

import tornado.web

from base import ApiHandler


class EchoApi(ApiHandler):
    def post(self):
        message = self.get_body_argument("message")
        self.respond({"echo": message})


class LookupApi(ApiHandler):
    def get(self):
        term = self.get_query_argument("term")
        self.write(json.dumps({"term": term, "results": []}))  # safe: CWE-79


class EchoPage(tornado.web.RequestHandler):
    def get(self):
        message = self.get_query_argument("message")
        self.finish("<div class='echo'>" + message + "</div>")  # expect: CWE-79


def make_app():
    return tornado.web.Application([
        (r"/api/echo", EchoApi),
        (r"/api/lookup", LookupApi),
        (r"/echo", EchoPage),
    ])
