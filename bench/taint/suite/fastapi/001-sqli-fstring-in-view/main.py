import sqlite3

from fastapi import FastAPI


app = FastAPI()

DB_PATH = "app.db"


@app.get("/products/{category}")
def list_products(category: str):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, title, price FROM products WHERE category = '{category}'")  # expect: CWE-89
    rows = cursor.fetchall()
    return {"products": rows}
