from flask import Blueprint, make_response, request


bp = Blueprint("main", __name__)


def export_rows():
    return "id,name\n1,Ada\n2,Grace\n"


@bp.route("/export.csv")
def export_csv():
    filename = request.args["name"]
    resp = make_response(export_rows())
    resp.headers["Content-Disposition"] = f"attachment; filename={filename}"  # expect: CWE-113
    return resp
