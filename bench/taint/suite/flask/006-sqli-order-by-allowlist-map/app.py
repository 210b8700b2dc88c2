import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"
SORT_COLUMNS = {"name": "name", "newest": "created_at DESC", "price": "price"}


@app.route("/items")
def items():
    sort = request.args.get("sort", "")
    column = SORT_COLUMNS.get(sort, "name")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, name, price FROM items ORDER BY {column}")  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"items": rows})
