import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/members")
def members():
    sort = request.args["sort"]
    descending = request.args["descending"]
    direction = "DESC" if descending == "1" else "ASC"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, name FROM members ORDER BY {sort} {direction}")  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"members": rows})
