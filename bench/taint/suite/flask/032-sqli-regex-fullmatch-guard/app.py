import re
import sqlite3

from flask import Blueprint, abort, jsonify, request


bp = Blueprint("main", __name__)

DB_PATH = "app.db"


@bp.route("/stats/signups")
def signups():
    group_by = request.args.get("group_by", "")
    if not re.fullmatch(r"[a-z_]{1,30}", group_by):
        abort(400)
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT {group_by}, COUNT(*) FROM signups GROUP BY {group_by}")  # safe: CWE-89
    rows = cursor.fetchall()
    return jsonify({"groups": rows})
