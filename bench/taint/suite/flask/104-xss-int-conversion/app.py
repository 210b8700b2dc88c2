from flask import Blueprint, request


bp = Blueprint("main", __name__)


@bp.route("/pager")
def pager():
    page = request.args.get("page", "")
    current = int(page)
    return f"<nav>Page {current} of 10</nav>"  # safe: CWE-79
