from flask import Blueprint, make_response, request


bp = Blueprint("main", __name__)


@bp.route("/comments/preview", methods=["POST"])
def preview_comment():
    comment = request.form["comment"]
    resp = make_response("<div class='comment'>" + comment + "</div>")  # expect: CWE-79
    resp.headers["Cache-Control"] = "no-store"
    return resp
