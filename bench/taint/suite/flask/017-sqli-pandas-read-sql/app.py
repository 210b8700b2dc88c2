from flask import Blueprint, Response, request

import reports


bp = Blueprint("main", __name__)


@bp.route("/reports/sales.csv")
def sales_csv():
    region = request.headers.get("X-Region", "")
    frame = reports.sales_frame(region)
    return Response(frame.to_csv(index=False), mimetype="text/plain")
