import sqlite3

from fastapi import Depends, FastAPI

import deps


app = FastAPI()

DB_PATH = "app.db"


@app.get("/catalogue")
def catalogue(order: str = Depends(deps.sort_order)):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute("SELECT sku, title FROM catalogue ORDER BY " + order).fetchall()  # expect: CWE-89
    return {"items": rows}
