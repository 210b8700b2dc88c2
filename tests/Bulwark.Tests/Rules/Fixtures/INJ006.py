# INJ006 open-redirect: request data choosing where a redirect goes.
from flask import Flask, redirect, request, url_for

app = Flask(__name__)


@app.route("/login")
def login():
    nxt = request.args.get("next", "/")
    return redirect(nxt)  # positive: the target is the request's


@app.route("/go")
def go():
    return redirect(request.form["url"])  # positive: form data


@app.route("/home")
def home():
    return redirect(url_for("login"))  # negative: an application URL


@app.route("/page")
def page():
    n = int(request.args["n"])
    return redirect(f"/items?page={n}")  # negative: a number on a fixed path


@app.route("/choice")
def choice():
    target = request.args["t"]
    if target not in ("/", "/account"):
        target = "/"
    return redirect(target)  # negative: replaced unless allowlisted
