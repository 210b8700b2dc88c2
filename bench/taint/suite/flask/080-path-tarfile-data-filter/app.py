from flask import Blueprint, jsonify, request

import archive


bp = Blueprint("main", __name__)


@bp.route("/imports", methods=["POST"])
def import_bundle():
    names = archive.unpack(request.files["bundle"].stream)
    return jsonify({"files": names})
