import sqlite3

from flask import Flask, jsonify


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/venues/<venue>/events")
def events(venue):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id, title FROM events WHERE venue = '{venue}'".format(venue=venue))  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"events": rows})
