import html
import sqlite3

from fastapi import FastAPI, Form


app = FastAPI()

DB_PATH = "app.db"


@app.post("/bookmarks/find")
def find_bookmark(title: str = Form(...)):
    title = html.escape(title.strip())
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id FROM bookmarks WHERE title = '%s'" % title)  # expect: CWE-89
    rows = cursor.fetchall()
    return {"ids": [r[0] for r in rows]}
