import sqlite3

from fastapi import FastAPI, Form


app = FastAPI()

DB_PATH = "app.db"


@app.post("/cart/remove")
def remove_items(ids: str = Form(...)):
    id_list = ", ".join(part.strip() for part in ids.split(",") if part)
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"DELETE FROM cart_items WHERE id IN ({id_list})")  # expect: CWE-89
    deleted = cursor.rowcount
    return {"deleted": deleted}
