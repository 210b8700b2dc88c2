import sqlite3

from fastapi import APIRouter, Header


router = APIRouter()

DB_PATH = "app.db"


@router.get("/users")
def user_detail(username: str = Header("")):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id, email FROM users WHERE username = ?", (username,))  # safe: CWE-89
    rows = cursor.fetchall()
    return {"users": rows}
