# INJ001 sql-injection: a Tornado handler's request data (arguments, body, URL captures, WebSocket messages) reaching
# SQL. A URL capture is URL-decoded, so only a group that admits no `%` and only harmless characters is safe.
import sqlite3

import tornado.web
import tornado.websocket

db = sqlite3.connect("app.db")


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        name = self.get_argument("name")
        db.execute("SELECT * FROM users WHERE name = '%s'" % name)  # positive: a query argument
        db.execute("SELECT * FROM users WHERE name = ?", (name,))  # negative: bound separately


class ItemHandler(tornado.web.RequestHandler):
    def get(self, item_id, slug):
        db.execute("SELECT * FROM items WHERE id = " + item_id)  # negative: (\d+) is digits only
        db.execute(f"SELECT * FROM items WHERE slug = '{slug}'")  # positive: ([^/]+) admits %27


class PostHandler(tornado.web.RequestHandler):
    def get(self, year=None, name=None):
        db.execute("SELECT * FROM posts WHERE year = " + year)  # negative: (?P<year>[0-9]{4})
        db.execute("SELECT * FROM posts WHERE name = '" + name + "'")  # positive: (?P<name>.+)


class UnroutedHandler(tornado.web.RequestHandler):
    def delete(self, key):
        db.execute("DELETE FROM kv WHERE key = '%s'" % key)  # positive: a route nobody shows may capture anything


class RawHandler(tornado.web.RequestHandler):
    def put(self, *args):
        db.execute("UPDATE kv SET v = '%s'" % self.path_args[0])  # positive: the handler's own captures, read off self
        db.execute("UPDATE kv SET v = '%s'" % self.request.body.decode())  # positive: the body


class ChatSocket(tornado.websocket.WebSocketHandler):
    def on_message(self, message):
        db.execute("INSERT INTO chat VALUES ('%s')" % message)  # positive: the client's message


def make_app():
    return tornado.web.Application([
        (r"/search", SearchHandler),
        (r"/items/(\d+)/([^/]+)", ItemHandler),
        tornado.web.url(r"/posts/(?P<year>[0-9]{4})/(?P<name>.+)", PostHandler),
        (r"/chat", ChatSocket),
    ])
