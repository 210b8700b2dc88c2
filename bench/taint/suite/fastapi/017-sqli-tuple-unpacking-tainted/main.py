import sqlite3

from fastapi import APIRouter, Query

import utils


router = APIRouter()

DB_PATH = "app.db"


@router.get("/people/lookup")
def lookup(lookup: str = Query(..., max_length=200)):
    field, value = utils.parse_lookup(lookup)
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id FROM people WHERE {field} = '{value}'")  # expect: CWE-89
    rows = cursor.fetchall()
    return {"ids": [r[0] for r in rows]}
