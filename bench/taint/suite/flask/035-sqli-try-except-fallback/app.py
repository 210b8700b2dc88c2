import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/comments")
def comments():
    start = request.args["start"]
    try:
        offset = int(start)
    except ValueError:
        offset = start
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, text FROM comments ORDER BY id LIMIT 20 OFFSET {offset}")  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"comments": rows})
