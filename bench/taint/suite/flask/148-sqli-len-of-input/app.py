import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/tags/top")
def top_tags():
    tags = request.args.get("tags", "")
    wanted = len(tags.split(","))
    conn = sqlite3.connect(DB_PATH)
    rows = conn.execute(f"SELECT id, name FROM tags ORDER BY uses DESC LIMIT {wanted}").fetchall()  # safe: CWE-89
    return jsonify({"tags": rows})
