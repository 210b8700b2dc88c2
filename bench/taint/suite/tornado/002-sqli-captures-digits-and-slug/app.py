import tornado.web

from handlers import ArticleHandler


def make_app():
    return tornado.web.Application([
        (r"/articles/(\d+)/([^/]+)", ArticleHandler),
    ], template_path="templates")
