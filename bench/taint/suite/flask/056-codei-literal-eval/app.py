import ast

from flask import Blueprint, abort, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/geo/point")
def parse_point():
    coords = request.args.get("coords", "")
    try:
        point = ast.literal_eval(coords)  # safe: CWE-94
    except (ValueError, SyntaxError):
        abort(400)
    return jsonify({"x": point[0], "y": point[1]})
