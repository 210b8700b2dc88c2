import requests
from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/links/check")
def check_link():
    url = request.form["url"]
    resp = requests.get(url, timeout=5)  # expect: CWE-918
    return jsonify({"status": resp.status_code, "length": len(resp.content)})
