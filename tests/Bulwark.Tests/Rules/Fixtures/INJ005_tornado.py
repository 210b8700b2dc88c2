# INJ005 server-side-request-forgery: Tornado's HTTP clients fetching a URL from the request; what they fetch is the
# remote server's answer, not request data.
import tornado.web
from tornado.httpclient import AsyncHTTPClient, HTTPClient


class ProxyHandler(tornado.web.RequestHandler):
    async def get(self):
        url = self.get_argument("url")
        response = await AsyncHTTPClient().fetch(url)  # positive: the client picks the host
        self.write(response.body)  # negative: the upstream's answer, not request data
        HTTPClient().fetch("https://api.example.com/status")  # negative: a fixed URL
