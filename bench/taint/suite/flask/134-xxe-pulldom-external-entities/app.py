import feeds
from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/feeds/count", methods=["POST"])
def count_feed_items():
    count = feeds.count_items(request.files["feed"].read())
    return jsonify({"items": count})
