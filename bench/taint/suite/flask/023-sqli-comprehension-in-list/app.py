import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/cart/remove", methods=["POST"])
def remove_items():
    ids = request.form.get("ids", "")
    id_list = ", ".join(part.strip() for part in ids.split(",") if part)
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"DELETE FROM cart_items WHERE id IN ({id_list})")  # expect: CWE-89
    deleted = cursor.rowcount
    return jsonify({"deleted": deleted})
