import tornado.template
import tornado.web

CARD = tornado.template.Template("<div class='card'>{{ title }}</div>")


class PreviewHandler(tornado.web.RequestHandler):
    def post(self):
        source = self.get_body_argument("template")
        page = tornado.template.Template(source)  # expect: CWE-1336
        self.write(page.generate(user=self.current_user))


class CardHandler(tornado.web.RequestHandler):
    def get(self):
        title = self.get_argument("title")
        self.write(CARD.generate(title=title))  # safe: CWE-79


def make_app():
    return tornado.web.Application([(r"/preview", PreviewHandler), (r"/card", CardHandler)])
