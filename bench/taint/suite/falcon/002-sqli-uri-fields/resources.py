import sqlite3

DB = "catalog.db"


class ProductResource:
    def on_get(self, req, resp, product_id):
        conn = sqlite3.connect(DB)
        row = conn.execute("SELECT * FROM products WHERE id = %d" % product_id).fetchone()  # safe: CWE-89
        resp.media = {"product": row}

    def on_get_by_name(self, req, resp, name):
        conn = sqlite3.connect(DB)
        row = conn.execute(f"SELECT * FROM products WHERE name = '{name}'").fetchone()  # expect: CWE-89
        resp.media = {"product": row}
