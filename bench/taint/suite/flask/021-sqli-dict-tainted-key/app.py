import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/documents")
def documents():
    owner = request.cookies.get("owner", "")
    criteria = {"kind": "report", "owner": owner}
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id FROM documents WHERE kind = '%(kind)s' AND owner = '%(owner)s'" % criteria)  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"documents": rows})
