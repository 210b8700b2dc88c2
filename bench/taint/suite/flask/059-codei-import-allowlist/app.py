from flask import Blueprint, Response, abort

import plugins


bp = Blueprint("main", __name__)


@bp.route("/export/<fmt>")
def export(fmt):
    try:
        exporter = plugins.load_exporter(fmt)
    except LookupError:
        abort(404)
    return Response(exporter.render(), mimetype="text/plain")
