import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"
ARTICLES_TABLE = "blog_articles"


@bp.route("/articles")
def article():
    slug = request.headers.get("X-Slug", "")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT title, body FROM {ARTICLES_TABLE} WHERE slug = ?", (slug,))  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"articles": rows})
