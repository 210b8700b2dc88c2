# INJ006 open-redirect: "only redirect to a path on this site" checks. A URL without a host is a path here, but only once
# its backslashes are slashes: browsers read `/\evil.example` as `//evil.example`, whose host urlparse does not see.
from urllib.parse import urlparse, urlsplit

import yarl
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/login-done")
def login_done():
    target = request.args.get("next", "/")
    target = target.replace("\\", "/")
    if not urlparse(target).netloc:
        return redirect(target)  # negative: a path on this site
    return redirect("/")


@app.route("/login-done-2")
def login_done_2():
    target = request.args.get("next", "/").replace("\\", "/")
    if urlsplit(target).netloc == "":
        return redirect(target)  # negative
    return redirect("/")


@app.route("/login-done-3")
def login_done_3():
    target = request.args.get("next", "/").replace("\\", "/")
    if yarl.URL(target).is_absolute():
        return redirect("/")
    return redirect(target)  # negative: relative, checked with yarl


@app.route("/backslashes-kept")
def backslashes_kept():
    target = request.args.get("next", "/")
    if not urlparse(target).netloc:
        return redirect(target)  # positive: `/\evil.example` has no netloc
    return redirect("/")


@app.route("/inverted")
def inverted():
    target = request.args.get("next", "/").replace("\\", "/")
    if urlparse(target).netloc:
        return redirect(target)  # positive: the check is the wrong way round
    return redirect("/")
