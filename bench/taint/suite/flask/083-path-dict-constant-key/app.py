from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/help")
def help_page():
    requested = request.args["page"]
    locations = {"requested": requested, "default": "/srv/app/help/index.md"}
    with open(locations["default"], encoding="utf-8") as fh:  # safe: CWE-22
        text = fh.read()
    return jsonify({"requested": locations["requested"], "text": text})
