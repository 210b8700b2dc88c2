import sqlite3

from fastapi import APIRouter, Query


router = APIRouter()

DB_PATH = "app.db"


@router.get("/comments")
def comments(start: str = Query(..., max_length=200)):
    try:
        offset = int(start)
    except ValueError:
        offset = start
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, text FROM comments ORDER BY id LIMIT 20 OFFSET {offset}")  # expect: CWE-89
    rows = cursor.fetchall()
    return {"comments": rows}
