import sessions
from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/preferences")
def preferences():
    prefs_cookie = request.cookies.get("prefs", "")
    prefs = sessions.load_preferences(prefs_cookie)
    return jsonify({"theme": prefs.get("theme", "light")})
