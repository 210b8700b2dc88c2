# INJ001 sql-injection: Falcon responders' request data and URI fields reaching SQL. A field's converter decides what
# it can hold (`{id:int}` a number); a resource registered with a suffix serves its suffixed responders.
import sqlite3

import falcon

db = sqlite3.connect("app.db")


class ItemResource:
    def on_get(self, req, resp, item_id):
        resp.media = db.execute("SELECT * FROM items WHERE id = " + item_id).fetchall()  # negative: {item_id:int}

    def on_get_tag(self, req, resp, tag):
        resp.media = db.execute(f"SELECT * FROM items WHERE tag = '{tag}'").fetchall()  # positive: any segment


class SearchResource:
    def on_post(self, req, resp):
        name = req.media.get("name")
        db.execute("SELECT * FROM items WHERE name = '%s'" % name)  # positive: the body
        limit = req.get_param_as_int("limit") or 10
        db.execute("SELECT * FROM items LIMIT %d" % limit)  # negative: a number
        db.execute("SELECT * FROM items WHERE owner = '" + req.get_param("owner") + "'")  # positive: a query parameter


class UnroutedResource:
    def on_delete(self, req, resp, key):
        db.execute("DELETE FROM kv WHERE key = '%s'" % key)  # positive: a route nobody shows may hold anything


app = falcon.App()
app.add_route("/items/{item_id:int}", ItemResource())
app.add_route("/tags/{tag}", ItemResource(), suffix="tag")
app.add_route("/search", SearchResource())
