import sqlite3

import tornado.ioloop
import tornado.web


class ProductsHandler(tornado.web.RequestHandler):
    def get(self):
        category = self.get_argument("category")
        conn = sqlite3.connect("shop.db")
        rows = conn.execute("SELECT id, title FROM products WHERE category = '%s'" % category).fetchall()  # expect: CWE-89
        self.write({"products": rows})


def make_app():
    return tornado.web.Application([(r"/products", ProductsHandler)])


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
