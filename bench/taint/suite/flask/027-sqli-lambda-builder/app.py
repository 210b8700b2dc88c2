import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/vendors")
def vendors():
    country = request.args["country"]
    where = lambda field, value: f"{field} = '{value}'"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id, name FROM vendors WHERE " + where("country", country))  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"vendors": rows})
