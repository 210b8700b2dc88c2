from flask import Blueprint, jsonify, request

import services


bp = Blueprint("main", __name__)


@bp.route("/drafts/restore", methods=["POST"])
def restore_draft():
    blob = request.json.get("blob", "")
    draft = services.restore_draft(blob)
    return jsonify({"title": draft.get("title")})
