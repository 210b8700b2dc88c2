from flask import Blueprint, abort, jsonify, request


bp = Blueprint("main", __name__)

MEDIA_ROOT = "/srv/media"


@bp.route("/media")
def media_info():
    relpath = request.args.get("path", "")
    if ".." in relpath or relpath.startswith("/"):
        abort(400)
    with open(f"{MEDIA_ROOT}/{relpath}", "rb") as fh:  # safe: CWE-22
        data = fh.read()
    return jsonify({"bytes": len(data)})
