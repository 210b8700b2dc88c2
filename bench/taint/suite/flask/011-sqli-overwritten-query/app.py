import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/teams")
def teams():
    term = request.cookies.get("term", "")
    query = f"SELECT id, name FROM teams WHERE name LIKE '%{term}%'"
    if not term:
        query = "SELECT id, name FROM teams"
    query = "SELECT id, name FROM teams WHERE archived = 0"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(query)  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"teams": rows})
