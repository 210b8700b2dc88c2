import os
import sqlite3

from fastapi import APIRouter


router = APIRouter()

DB_PATH = "app.db"
AUDIT_TABLE = os.environ.get("AUDIT_TABLE", "audit_log")


@router.get("/audit/events")
def audit_events(actor: str = ""):
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT at, action FROM {AUDIT_TABLE} WHERE actor = ?", (actor,)).fetchall()  # expect-low: CWE-89
    return {"events": rows}
