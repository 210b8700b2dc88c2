from flask import Flask, jsonify, request

import accounts


app = Flask(__name__)


@app.route("/pin-login", methods=["POST"])
def pin_login():
    user = request.form["user"]
    pin = request.form["pin"]
    ok = accounts.check_credentials(user, pin)
    return jsonify({"ok": ok})
