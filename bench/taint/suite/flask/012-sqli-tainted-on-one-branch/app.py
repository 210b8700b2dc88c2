import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/issues")
def issues():
    status = request.args.get("status", "")
    if status:
        query = "SELECT id, title FROM issues WHERE status = '" + status + "'"
    else:
        query = "SELECT id, title FROM issues WHERE status = 'open'"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(query)  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"issues": rows})
