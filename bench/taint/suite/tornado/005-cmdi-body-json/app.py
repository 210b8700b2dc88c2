import subprocess

import tornado.escape
import tornado.web


class PingHandler(tornado.web.RequestHandler):
    def post(self):
        data = tornado.escape.json_decode(self.request.body)
        host = data.get("host", "localhost")
        out = subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True, text=True)  # expect: CWE-78
        safe = subprocess.run(["ping", "-c", "1", host], capture_output=True, text=True)  # safe: CWE-78
        self.write({"shell": out.stdout, "list": safe.stdout})


def make_app():
    return tornado.web.Application([(r"/ping", PingHandler)])
