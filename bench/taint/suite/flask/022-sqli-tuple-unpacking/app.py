import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/campaigns")
def campaigns():
    query_text = request.args.get("q", "")
    label, state = query_text, "active"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id FROM campaigns WHERE state = '{state}'")  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"label": label, "campaigns": rows})
