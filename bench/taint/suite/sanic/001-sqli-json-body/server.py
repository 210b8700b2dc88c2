import sqlite3

from sanic import Sanic, json

app = Sanic("inventory")


@app.post("/stock")
async def stock(request):
    sku = request.json.get("sku", "")
    conn = sqlite3.connect("inventory.db")
    unsafe = conn.execute(f"SELECT qty FROM stock WHERE sku = '{sku}'").fetchone()  # expect: CWE-89
    safe = conn.execute("SELECT qty FROM stock WHERE sku = ?", (sku,)).fetchone()  # safe: CWE-89
    return json({"unsafe": unsafe, "safe": safe})
