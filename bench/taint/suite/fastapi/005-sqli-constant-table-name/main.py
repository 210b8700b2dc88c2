import sqlite3

from fastapi import APIRouter, Header


router = APIRouter()

DB_PATH = "app.db"
ARTICLES_TABLE = "blog_articles"


@router.get("/articles")
def article(slug: str = Header("")):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT title, body FROM {ARTICLES_TABLE} WHERE slug = ?", (slug,))  # safe: CWE-89
    rows = cursor.fetchall()
    return {"articles": rows}
