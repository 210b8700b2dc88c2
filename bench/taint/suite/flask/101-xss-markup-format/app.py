from flask import Blueprint, request

import rendering


bp = Blueprint("main", __name__)


@bp.route("/badge")
def badge():
    label = request.args["label"]
    html = rendering.badge(label)
    return str(html)  # safe: CWE-79
