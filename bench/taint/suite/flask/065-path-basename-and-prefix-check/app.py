from flask import Blueprint, Response, abort

import files


bp = Blueprint("main", __name__)


@bp.route("/exports/<name>")
def download_export(name):
    try:
        data = files.read_export(name)
    except PermissionError:
        abort(400)
    return Response(data.decode("utf-8", "replace"), mimetype="text/plain")
