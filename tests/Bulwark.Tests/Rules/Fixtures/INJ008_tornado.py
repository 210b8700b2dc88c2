# INJ008 server-side-template-injection: a Tornado template's expressions are Python, so compiling one from request
# data runs the attacker's code; rendering a fixed template with request values escapes them.
import tornado.web
from tornado.template import Template

PAGE = Template("<p>{{ name }}</p>")


class PreviewHandler(tornado.web.RequestHandler):
    def post(self):
        source = self.get_body_argument("template")
        self.write(Template(source).generate())  # positive: the client's template
        self.write(PAGE.generate(name=self.get_argument("name")))  # negative: a fixed template, escaped
