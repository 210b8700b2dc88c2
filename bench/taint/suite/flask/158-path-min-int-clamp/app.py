from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)


@bp.route("/cache/page")
def cached_page():
    page = request.args.get("page", "")
    index = min(int(page), 50)
    with open(f"/var/cache/app/page-{index}.html", encoding="utf-8") as fh:  # safe: CWE-22
        cached = fh.read()
    return jsonify({"length": len(cached)})
