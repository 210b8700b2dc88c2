# INJ007 reflected-xss: Tornado sends a string a handler writes as text/html unless the handler declared another
# content type (in the method or in a set-up method of its class); a dict is written as JSON.
import json

import tornado.escape
import tornado.web
from jinja2 import TemplateNotFound


class PageHandler(tornado.web.RequestHandler):
    def get(self):
        q = self.get_argument("q")
        self.write("<h1>" + q + "</h1>")  # positive: the page
        self.write(tornado.escape.xhtml_escape(q))  # negative: escaped
        self.write({"q": q})  # negative: a dict is sent as JSON
        self.render("page.html", q=q)  # negative: templates escape
        self.finish(f"<p>{q}</p>")  # positive: finish writes too


class CountHandler(tornado.web.RequestHandler):
    def get(self):
        n = int(self.get_argument("n"))
        self.write("<b>%d</b>" % n)  # negative: a number


class ApiHandler(tornado.web.RequestHandler):
    def get(self):
        q = self.get_argument("q")
        self.set_header("Content-Type", "application/json")
        self.write(json.dumps({"q": q}))  # negative: declared JSON


class DeclaredHtmlHandler(tornado.web.RequestHandler):
    def get(self):
        q = self.get_argument("q")
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.write(json.dumps({"q": q}))  # positive: declared HTML


class JsonBase(tornado.web.RequestHandler):
    def set_default_headers(self):
        self.set_header("Content-Type", "application/json; charset=utf-8")

    def send(self, data):
        self.write(json.dumps(data))  # negative: the class declares JSON


class SearchApi(JsonBase):
    def get(self):
        q = self.get_argument("q")
        self.write(json.dumps({"q": q}))  # negative: the base class declares JSON
        self.send({"q": q})


class FramedHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.set_header("X-Frame-Options", "DENY")

    def get(self):
        self.write("<p>" + self.get_argument("q") + "</p>")  # positive: no content type declared


class JsonApi(tornado.web.RequestHandler):
    def finish(self, chunk=None):
        self.set_header("Content-Type", "application/json")
        return super().finish(chunk)  # negative: declared JSON just before


class LookupApi(JsonApi):
    def get(self):
        self.finish(json.dumps({"q": self.get_argument("q")}))  # negative: the class's finish declares JSON


class JinjaPage(tornado.web.RequestHandler):
    def get(self):
        try:
            template = self.settings["jinja2_env"].get_template("page.html")
        except TemplateNotFound:
            raise tornado.web.HTTPError(404)
        self.write(template.render(q=self.get_argument("q")))  # negative: a rendered template escapes
