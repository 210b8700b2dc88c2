import urllib.parse

import tornado.web
from tornado.httpclient import AsyncHTTPClient

UPSTREAM = "https://api.internal.example.com/users/"


class PreviewHandler(tornado.web.RequestHandler):
    async def get(self):
        target = self.get_argument("url")
        client = AsyncHTTPClient()
        response = await client.fetch(target)  # expect: CWE-918
        self.set_header("Content-Type", "text/plain")
        self.write(response.body)


class UserHandler(tornado.web.RequestHandler):
    async def get(self):
        user = self.get_argument("user")
        response = await AsyncHTTPClient().fetch(UPSTREAM + urllib.parse.quote(user, safe=""))  # safe: CWE-918
        self.write(response.body)


def make_app():
    return tornado.web.Application([(r"/preview", PreviewHandler), (r"/user", UserHandler)])
