import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/photos")
def photos():
    tags = request.args.get("tags", "")
    query = "SELECT id FROM photos WHERE 1 = 1"
    for tag in tags.split(","):
        query += " AND tags LIKE '%" + tag + "%'"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(query)  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"photos": [r[0] for r in rows]})
