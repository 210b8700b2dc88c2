from flask import Blueprint, jsonify, request

import services


bp = Blueprint("main", __name__)


@bp.route("/images/thumbnail", methods=["POST"])
def thumbnail():
    name = request.form["name"]
    thumb = services.make_thumbnail(name)
    return jsonify({"thumbnail": thumb})
