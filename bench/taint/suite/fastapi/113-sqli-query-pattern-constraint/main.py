import sqlite3

from fastapi import FastAPI, Query


app = FastAPI()

DB_PATH = "app.db"


@app.get("/people")
def people(sort: str = Query("name", pattern="^(name|email|created_at)$")):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT id, name, email FROM people ORDER BY {sort}").fetchall()  # safe: CWE-89
    return {"people": rows}
