from flask import Flask, jsonify, request

import db


app = Flask(__name__)


@app.route("/invoices")
def invoices():
    account = request.cookies.get("account", "")
    rows = db.invoices_for(account)
    return jsonify({"invoices": [list(r) for r in rows]})
