import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"
PAGE_LIMIT = 9


@app.route("/notes")
def notes():
    owner = request.form["owner"]
    owner = "guest" if PAGE_LIMIT * 3 > 20 else owner
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, title FROM notes WHERE owner = '{owner}' LIMIT {PAGE_LIMIT}")  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"notes": rows})
