import sqlite3
from enum import Enum

from fastapi import FastAPI


app = FastAPI()

DB_PATH = "app.db"


class SortField(str, Enum):
    name = "name"
    created = "created_at"
    price = "price"


@app.get("/products")
def products(sort: SortField = SortField.name):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT id, name FROM products ORDER BY {sort.value}").fetchall()  # safe: CWE-89
    return {"products": rows}
