import tornado.escape
import tornado.web


class GreetHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name", "guest")
        if self.get_argument("format", "html") == "json":
            self.write({"greeting": "Hello " + name})  # safe: CWE-79
            return
        self.write("<h1>Hello %s</h1>" % tornado.escape.xhtml_escape(name))  # safe: CWE-79
        self.write("<p>Last visitor: " + name + "</p>")  # expect: CWE-79


def make_app():
    return tornado.web.Application([(r"/greet", GreetHandler)])
