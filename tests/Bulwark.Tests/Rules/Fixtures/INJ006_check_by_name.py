# INJ006 open-redirect: a project's own check of a redirect target, used as a condition, is known by what its name
# says (`validate_redirect_url`, `is_safe_next`): how it compares hosts is more than any rule can read. A name that
# says only "a URL" (`is_url`, `is_valid_url`: its syntax) is no such check.
from urllib.parse import urlsplit

from flask import Flask, redirect, request

app = Flask(__name__)


def validate_redirect_url(url):
    parts = urlsplit(url)
    return not parts.netloc or parts.netloc == request.host


def is_valid_url(url):
    return "://" in url or url.startswith("/")


class Helper:
    def is_safe_next(self, target):
        return target.startswith("/") and not target.startswith("//")


@app.route("/login")
def login():
    target = request.args.get("next", "/")
    if validate_redirect_url(target):
        return redirect(target)  # no finding
    return redirect("/")


@app.route("/logout")
def logout():
    for url in [request.args.get("next"), request.form.get("next")]:
        if url and Helper().is_safe_next(url):
            return redirect(url)  # no finding
    return redirect("/")


@app.route("/syntax")
def syntax():
    target = request.args.get("next", "/")
    if is_valid_url(target):
        return redirect(target)  # finding: a URL, anywhere
    return redirect("/")


@app.route("/failed")
def failed():
    target = request.args.get("next", "/")
    if not validate_redirect_url(target):
        return redirect(target)  # finding: the check failed here
    return redirect("/")
