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


@app.route("/repr")
def as_repr():
    q = request.args["q"]
    log.info("search: %r", q)  # negative: the logger writes it with repr(), escapes and all
    log.log(logging.WARNING, "search %s by %r", request.args["who"], q)  # positive: the first value is written as it is
    log.warning("page %d of %s", request.args["page"], "results")  # negative: %d fails on text, so nothing is written
    return "ok"


@app.route("/app-logger")
def app_logger():
    from flask import current_app

    current_app.logger.error("%s", request.args.get("input"))  # positive: the application's logger, through current_app
    return "ok"


@app.route("/django-logger")
def django_logger():
    from django.utils.log import request_logger

    request_logger.warning("user %s", request.args["user"])  # positive: Django's request logger is a logger
    return "ok"
