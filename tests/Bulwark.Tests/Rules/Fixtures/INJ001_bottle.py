# INJ001 sql-injection: Bottle's request data and route wildcards reaching SQL. A wildcard's filter decides what it
# can hold: `int` and `float` only numbers, `re` what its expression admits, the default one path segment.
import sqlite3

from bottle import Bottle, request, route

app = Bottle()
db = sqlite3.connect("app.db")


@app.post("/search")
def search():
    q = request.forms.get("q")
    db.execute("SELECT * FROM items WHERE name = '%s'" % q)  # positive: a form field
    db.execute("SELECT * FROM items WHERE name = ?", (q,))  # negative: bound separately
    return {"q": q}


@route("/items/<item_id:int>")
def item(item_id):
    return {"rows": db.execute("SELECT * FROM items WHERE id = %d" % item_id).fetchall()}  # negative: an int


@app.get("/users/<slug:re:[a-z0-9-]+>")
def user(slug):
    return {"rows": db.execute(f"SELECT * FROM users WHERE slug = '{slug}'").fetchall()}  # negative: [a-z0-9-]+


@app.get("/tags/<tag>")
def tag(tag):
    return {"rows": db.execute(f"SELECT * FROM tags WHERE name = '{tag}'").fetchall()}  # positive: any segment


@app.get("/lookup")
def lookup():
    return {"rows": db.execute("SELECT * FROM t WHERE k = '" + request.query.key + "'").fetchall()}  # positive
