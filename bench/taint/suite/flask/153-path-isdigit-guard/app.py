from flask import Flask, abort, jsonify


app = Flask(__name__)


@app.route("/invoices/<number>/size")
def invoice_size(number):
    if not number.isdigit():
        abort(404)
    with open(f"/srv/invoices/{number}.pdf", "rb") as fh:  # safe: CWE-22
        pdf = fh.read()
    return jsonify({"size": len(pdf)})
