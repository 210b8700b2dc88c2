import sqlite3

from fastapi import FastAPI


app = FastAPI()

DB_PATH = "app.db"


@app.get("/tags/top")
def top_tags(tags: str = ""):
    wanted = len(tags.split(","))
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT id, name FROM tags ORDER BY uses DESC LIMIT {wanted}").fetchall()  # safe: CWE-89
    return {"tags": rows}
