import sqlite3

from fastapi import APIRouter

import queries


router = APIRouter()

DB_PATH = "app.db"


@router.get("/stock")
def stock(color: str = "", size: str = ""):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(queries.build_query({"color": color, "size": size}))  # expect: CWE-89
    rows = cursor.fetchall()
    return {"stock": rows}
