import sqlite3

from bottle import Bottle

app = Bottle()
DB = "shop.db"


@app.get("/orders/<order_id:int>")
def order(order_id):
    conn = sqlite3.connect(DB)
    row = conn.execute("SELECT * FROM orders WHERE id = %d" % order_id).fetchone()  # safe: CWE-89
    return {"order": row}


@app.get("/sku/<sku:re:[A-Z]{3}-[0-9]{4}>")
def by_sku(sku):
    conn = sqlite3.connect(DB)
    row = conn.execute(f"SELECT * FROM products WHERE sku = '{sku}'").fetchone()  # safe: CWE-89
    return {"product": row}


@app.get("/category/<name>")
def category(name):
    conn = sqlite3.connect(DB)
    rows = conn.execute(f"SELECT * FROM products WHERE category = '{name}'").fetchall()  # expect: CWE-89
    return {"products": rows}
