# INJ001 sql-injection: Sanic's request data and route parameters reaching SQL. A parameter's type decides what it
# can hold: `int`, `uuid`, `slug`… only harmless characters, a regex what it admits, the default one path segment.
import sqlite3

from sanic import Sanic, json
from sanic.views import HTTPMethodView

app = Sanic("shop")
db = sqlite3.connect("shop.db")


@app.post("/search")
async def search(request):
    term = request.json.get("term")
    db.execute("SELECT * FROM items WHERE name = '%s'" % term)  # positive: the JSON body
    db.execute("SELECT * FROM items WHERE name = ?", (term,))  # negative: bound separately
    return json({})


@app.get("/items/<item_id:int>")
async def item(request, item_id):
    db.execute("SELECT * FROM items WHERE id = %d" % item_id)  # negative: an int
    return json({})


@app.get("/codes/<code:[A-Z]{3}>")
async def code(request, code):
    db.execute(f"SELECT * FROM codes WHERE code = '{code}'")  # negative: three capitals
    return json({})


@app.get("/tags/<tag>")
async def tag(request, tag):
    db.execute(f"SELECT * FROM tags WHERE name = '{tag}'")  # positive: any segment
    return json({})


class OrderView(HTTPMethodView):
    async def get(self, request):
        db.execute("SELECT * FROM orders WHERE status = '" + request.args.get("status", "") + "'")  # positive
        return json({})
