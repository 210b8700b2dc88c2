import sqlite3

from fastapi import FastAPI, HTTPException


app = FastAPI()

DB_PATH = "app.db"


@app.get("/posts/{post_id}")
def post(post_id: int):
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute(f"SELECT title, body FROM posts WHERE id = {post_id}").fetchone()  # safe: CWE-89
    if row is None:
        raise HTTPException(status_code=404)
    return {"title": row[0], "body": row[1]}
