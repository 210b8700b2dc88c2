from flask import Blueprint, abort, jsonify, request

import reports


bp = Blueprint("main", __name__)


@bp.route("/reports/<kind>")
def sales_report(kind):
    value = request.args["value"]
    builder = reports.REPORTS.get(kind)
    if builder is None:
        abort(404)
    return jsonify({"rows": builder(value)})
