import sqlite3

from fastapi import FastAPI


app = FastAPI()

DB_PATH = "app.db"


@app.get("/payments")
def payments(raw_id: str = ""):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    user_id = int(raw_id) if raw_id.isdigit() else 0
    cursor.execute(f"SELECT name FROM accounts WHERE id = {user_id}")  # safe: CWE-89
    account = cursor.fetchone()
    cursor.execute(f"SELECT amount FROM payments WHERE account_id = {raw_id}")  # expect: CWE-89
    payments = cursor.fetchall()
    return {"account": account, "payments": payments}
