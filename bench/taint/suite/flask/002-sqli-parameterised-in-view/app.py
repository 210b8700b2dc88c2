import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/users")
def user_detail():
    username = request.headers.get("X-Username", "")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id, email FROM users WHERE username = ?", (username,))  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"users": rows})
