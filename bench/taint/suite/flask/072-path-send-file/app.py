import os

from flask import Flask, request, send_file


app = Flask(__name__)

INVOICE_DIR = "/srv/billing/invoices"


@app.route("/invoices")
def invoice_pdf():
    number = request.args.get("number", "")
    path = os.path.join(INVOICE_DIR, number + ".pdf")
    return send_file(path, mimetype="application/pdf")  # expect: CWE-22
