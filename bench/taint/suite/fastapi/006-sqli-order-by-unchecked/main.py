import sqlite3

from fastapi import FastAPI


app = FastAPI()

DB_PATH = "app.db"


@app.get("/members")
def members(sort: str = "", descending: str = ""):
    direction = "DESC" if descending == "1" else "ASC"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, name FROM members ORDER BY {sort} {direction}")  # expect: CWE-89
    rows = cursor.fetchall()
    return {"members": rows}
