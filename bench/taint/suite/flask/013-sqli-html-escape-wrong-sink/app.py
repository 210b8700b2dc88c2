import html
import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/bookmarks/find")
def find_bookmark():
    title = request.args["title"]
    title = html.escape(title.strip())
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id FROM bookmarks WHERE title = '%s'" % title)  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"ids": [r[0] for r in rows]})
