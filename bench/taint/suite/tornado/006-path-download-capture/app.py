import os

import tornado.web

FILES = "/srv/files"


class DownloadHandler(tornado.web.RequestHandler):
    def get(self, name):
        with open(os.path.join(FILES, name), "rb") as f:  # expect: CWE-22
            self.write(f.read())


class SafeDownloadHandler(tornado.web.RequestHandler):
    def get(self, name):
        with open(os.path.join(FILES, os.path.basename(name)), "rb") as f:  # safe: CWE-22
            self.write(f.read())


def make_app():
    return tornado.web.Application([
        (r"/download/(.+)", DownloadHandler),
        (r"/safe/(.+)", SafeDownloadHandler),
    ])
