# INJ006 open-redirect: request data choosing where a redirect goes.
from django.utils.http import url_has_allowed_host_and_scheme
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


@app.route("/next-or-default")
def next_or_default():
    target = request.args.get("next")
    if (target or request.args.get("ajax")) and not url_has_allowed_host_and_scheme(target, allowed_hosts={"example.com"}):
        target = "/index"
    return redirect(target or "/")  # negative: an empty target, a checked one, or the default


@app.route("/stored-check")
def stored_check():
    target = request.args.get("next", "/")
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={"example.com"})
    if ok and target:
        return redirect(target)  # negative: the check's result, stored, tested before use
    return redirect("/")


@app.route("/stored-check-stale")
def stored_check_stale():
    target = request.args.get("next", "/")
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={"example.com"})
    target = request.args.get("then", "/")
    if ok and target:
        return redirect(target)  # positive: the value checked is not the one used
    return redirect("/")


@app.route("/stored-keyword-check")
def stored_keyword_check():
    target = request.args.get("next", "/")
    ok = url_has_allowed_host_and_scheme(url=target, allowed_hosts={"example.com"})
    if ok:
        return redirect(target)  # negative: the stored check, by keyword
    return redirect("/")
