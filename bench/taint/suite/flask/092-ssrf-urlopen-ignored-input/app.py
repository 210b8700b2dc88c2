import json
import urllib.request

from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

RATES_URL = "https://rates.example.org/latest.json"


@bp.route("/rates")
def rates():
    client_id = request.headers.get("X-Client", "")
    with urllib.request.urlopen(RATES_URL, timeout=5) as resp:  # safe: CWE-918
        rates = json.load(resp)
    return jsonify({"client": client_id, "rates": rates})
