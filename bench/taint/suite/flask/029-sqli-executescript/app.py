import sqlite3

from flask import Blueprint, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/settings/theme", methods=["POST"])
def set_theme():
    theme = request.form.get("theme", "")
    conn = sqlite3.connect(DB_PATH)
    script = "BEGIN; UPDATE settings SET value = '" + theme + "' WHERE key = 'theme'; COMMIT;"
    conn.executescript(script)  # expect: CWE-89
    return {"status": "ok"}
