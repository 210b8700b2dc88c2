import os

from flask import Blueprint, request


bp = Blueprint("main", __name__)

UPLOADS = "/var/app/uploads"


@bp.route("/images/optimise", methods=["POST"])
def optimise():
    name = request.form["name"]
    source = os.path.join(UPLOADS, os.path.basename(name))
    os.spawnlp(os.P_WAIT, "optipng", "optipng", "-o2", source)  # safe: CWE-78
    return {"status": "ok"}
