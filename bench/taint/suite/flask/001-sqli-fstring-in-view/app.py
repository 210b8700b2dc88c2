import sqlite3

from flask import Flask, jsonify


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/products/<category>")
def list_products(category):
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, title, price FROM products WHERE category = '{category}'")  # expect: CWE-89
    rows = cursor.fetchall()
    return jsonify({"products": rows})
