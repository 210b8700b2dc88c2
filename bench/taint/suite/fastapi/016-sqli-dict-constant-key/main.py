import sqlite3

from fastapi import FastAPI, Form


app = FastAPI()

DB_PATH = "app.db"


@app.get("/posts")
def posts(author: str = Form(...), archived: str = ""):
    filters = {"status": "published", "author": author}
    filters["status"] = "archived" if archived == "yes" else "published"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, title FROM posts WHERE status = '{filters['status']}'")  # safe: CWE-89
    rows = cursor.fetchall()
    posts = [r for r in rows if r[1]]
    return {"posts": posts, "author": filters["author"]}
