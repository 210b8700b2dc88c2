import sqlite3

from flask import Flask
from flask_restx import Api, Namespace, Resource

app = Flask(__name__)
api = Api(app, title="Inventory")
items = Namespace("items", description="Inventory items")
api.add_namespace(items, path="/items")


def db():
    return sqlite3.connect("inventory.db")


@items.route("/<int:item_id>")
class Item(Resource):
    def get(self, item_id):
        row = db().execute("SELECT name, qty FROM items WHERE id = " + str(item_id)).fetchone()  # safe: CWE-89
        return {"item": row}


@items.route("/by-name/<string:name>")
class ItemByName(Resource):
    def get(self, name):
        row = db().execute("SELECT id, qty FROM items WHERE name = '" + name + "'").fetchone()  # expect: CWE-89
        return {"item": row}

    def put(self, name):
        qty = items.payload.get("qty", 0)
        conn = db()
        conn.execute("UPDATE items SET qty = ? WHERE name = ?", (qty, name))  # safe: CWE-89
        conn.execute(f"UPDATE items SET note = '{items.payload.get('note', '')}' WHERE name = ?", (name,))  # expect: CWE-89
        return {"ok": True}
