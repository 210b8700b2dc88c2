import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/posts")
def posts():
    author = request.get_json()["author"]
    archived = request.args.get("archived", "")
    filters = {"status": "published", "author": author}
    filters["status"] = "archived" if archived == "yes" else "published"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, title FROM posts WHERE status = '{filters['status']}'")  # safe: CWE-89
    rows = cursor.fetchall()
    posts = [r for r in rows if r[1]]
    return jsonify({"posts": posts, "author": filters["author"]})
