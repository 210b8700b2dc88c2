from flask import Flask, abort, request, session

import accounts


app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    password = request.form["password"]
    account_id = accounts.authenticate(username, password)
    if account_id is None:
        abort(400)
    session["account_id"] = account_id  # safe: CWE-501
    return {"status": "ok"}
