# INJ002: one helper runs a shell command for five views, each passing it request data of its own. Each is its own
# way in: up to three are reported at the sink, the last counting the rest.
import os

from flask import Flask, request

app = Flask(__name__)


def run(command):
    return os.popen(command).read()  # positive: five views reach it; three flows reported


@app.route("/ping")
def ping():
    return run("ping -c 1 " + request.args["host"])


@app.route("/dig")
def dig():
    return run("dig " + request.args["name"])


@app.route("/trace")
def trace():
    return run("traceroute " + request.form["target"])


@app.route("/whois")
def whois():
    return run("whois " + request.values["domain"])


@app.route("/uptime")
def uptime():
    return run("uptime " + request.headers["X-Flags"])


@app.route("/twice")
def twice():
    return run("echo " + request.form["a"] + request.form["b"])  # one way in: one description, one function
