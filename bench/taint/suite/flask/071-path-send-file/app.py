import os

from flask import Blueprint, send_file


bp = Blueprint("main", __name__)

INVOICE_DIR = "/srv/billing/invoices"


@bp.route("/invoices/<path:number>.pdf")
def invoice_pdf(number):
    path = os.path.join(INVOICE_DIR, number + ".pdf")
    return send_file(path, mimetype="application/pdf")  # expect: CWE-22
