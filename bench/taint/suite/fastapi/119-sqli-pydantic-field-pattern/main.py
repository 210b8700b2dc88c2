import sqlite3

from fastapi import FastAPI
from pydantic import BaseModel, Field

app = FastAPI()
conn = sqlite3.connect("catalog.db")


class ProductQuery(BaseModel):
    sku: str = Field(pattern=r"^[A-Z]{2}-[0-9]{4}$")
    comment: str = ""


@app.post("/products/lookup")
def lookup(body: ProductQuery):
    row = conn.execute(f"SELECT name, price FROM products WHERE sku = '{body.sku}'").fetchone()  # safe: CWE-89
    conn.execute(f"INSERT INTO lookups (sku, comment) VALUES ('{body.sku}', '{body.comment}')")  # expect: CWE-89
    return {"name": row[0], "price": row[1]} if row else {}
