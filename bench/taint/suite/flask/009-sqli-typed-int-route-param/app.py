import sqlite3

from flask import Flask, abort


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/posts/<int:post_id>")
def post(post_id):
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute(f"SELECT title, body FROM posts WHERE id = {post_id}").fetchone()  # safe: CWE-89
    if row is None:
        abort(404)
    return {"title": row[0], "body": row[1]}
