import logging

from flask import Flask, request


app = Flask(__name__)


@app.route("/password/reset", methods=["POST"])
def reset_password():
    email = request.form.get("email", "")
    agent = request.headers.get("X-User-Agent", "")
    logging.warning("password reset requested for %s from %s", email, agent)  # expect: CWE-117
    return {"status": "ok"}
