# INJ015 log-injection: request data written to a log unescaped.
import logging

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    log.warning("failed login for " + user)  # positive: a forged line can be written
    return "no", 403


@app.route("/search")
def search():
    log.info("search: %s", request.args["q"])  # positive: a logging argument
    return "ok"


@app.route("/clean")
def clean():
    q = request.args["q"].replace("\n", " ").replace("\r", " ")
    log.info("search: %s", q)  # negative: line breaks removed
    return "ok"


@app.route("/count")
def count():
    n = int(request.args["n"])
    log.info("page %d", n)  # negative: a number
    return "ok"
