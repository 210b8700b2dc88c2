import sqlite3

from flask import Flask, jsonify, request


app = Flask(__name__)

DB_PATH = "app.db"


@app.route("/cart/remove", methods=["POST"])
def remove_items():
    ids = request.form["ids"]
    id_list = ", ".join(str(int(part)) for part in ids.split(",") if part.strip())
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"DELETE FROM cart_items WHERE id IN ({id_list})")  # safe: CWE-89
    deleted = cursor.rowcount
    return jsonify({"deleted": deleted})
