import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/tickets")
def tickets():
    size = request.args.get("size", "")
    limit = int(size or "20")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id, subject FROM tickets ORDER BY id DESC LIMIT %d" % limit)  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"tickets": rows})
