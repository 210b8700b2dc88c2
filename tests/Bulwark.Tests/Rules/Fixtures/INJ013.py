# INJ013 trust-boundary-violation: request data stored in the session unchecked.
from flask import Flask, request, session

app = Flask(__name__)
ROLES = {"reader", "editor"}


@app.route("/role", methods=["POST"])
def role():
    session["role"] = request.form["role"]  # positive: stored as trusted state
    return "ok"


@app.route("/checked-role", methods=["POST"])
def checked_role():
    role = request.form["role"]
    if role in ROLES:
        session["role"] = role  # negative: allowlisted
    return "ok"


@app.route("/page", methods=["POST"])
def page():
    session["page"] = int(request.form["page"])  # negative: a number
    return "ok"


@app.route("/theme", methods=["POST"])
def theme():
    session["theme"] = "dark"  # negative: a constant
    return "ok"


@app.route("/flag", methods=["POST"])
def flag():
    session[request.form["name"]] = "1"  # positive: the request chooses which session entry is set
    return "ok"


@app.route("/counter", methods=["POST"])
def counter():
    name = request.form["name"]
    if name in ROLES:
        session[name] = "1"  # negative: one of a fixed set of keys
    return "ok"
