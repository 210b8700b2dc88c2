from flask import Blueprint, redirect, request


bp = Blueprint("main", __name__)


@bp.route("/login/done")
def after_login():
    next_url = request.form.get("next", "")
    target = next_url or "/"
    return redirect(target)  # expect: CWE-601
