import rules
from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/rules/match", methods=["POST"])
def match_rule():
    condition = request.get_json()["condition"]
    matched = rules.evaluate(condition, {"age": 30, "country": "NL"})
    return jsonify({"matched": matched})
