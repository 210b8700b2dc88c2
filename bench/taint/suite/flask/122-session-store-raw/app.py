from flask import Blueprint, request, session


bp = Blueprint("main", __name__)


@bp.route("/profile/name", methods=["POST"])
def set_name():
    display_name = request.form["display_name"]
    session["display_name"] = display_name  # expect: CWE-501
    return {"status": "ok"}
