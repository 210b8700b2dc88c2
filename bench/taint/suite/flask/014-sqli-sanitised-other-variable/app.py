import sqlite3

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/payments")
def payments():
    raw_id = request.args.get("id", "")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    user_id = int(raw_id) if raw_id.isdigit() else 0
    cursor.execute(f"SELECT name FROM accounts WHERE id = {user_id}")  # safe: CWE-89
    account = cursor.fetchone()
    cursor.execute(f"SELECT amount FROM payments WHERE account_id = {raw_id}")  # expect: CWE-89
    payments = cursor.fetchall()
    return jsonify({"account": account, "payments": payments})
