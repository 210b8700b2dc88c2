import json

import tornado.web


class ApiHandler(tornado.web.RequestHandler):
    def set_default_headers(self):
        self.set_header("Content-Type", "application/json")

    def respond(self, payload, status=200):
        self.set_status(status)
        self.finish(json.dumps(payload))  # safe: CWE-79
