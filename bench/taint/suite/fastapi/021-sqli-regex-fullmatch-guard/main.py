import re
import sqlite3

from fastapi import FastAPI, HTTPException, Query


app = FastAPI()

DB_PATH = "app.db"


@app.get("/stats/signups")
def signups(group_by: str = Query(..., max_length=200)):
    if not re.fullmatch(r"[a-z_]{1,30}", group_by):
        raise HTTPException(status_code=400, detail="invalid request")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT {group_by}, COUNT(*) FROM signups GROUP BY {group_by}")  # safe: CWE-89
    rows = cursor.fetchall()
    return {"groups": rows}
