from flask import Flask, request

import db


app = Flask(__name__)


@app.route("/subscribe", methods=["POST"])
def subscribe():
    email = request.form.get("email", "")
    db.subscribe(email, "weekly")
    return {"status": "ok"}
