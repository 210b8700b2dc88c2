# INJ001 sql-injection: request data reaching a SQL statement.
import sqlite3

from flask import Flask, request

app = Flask(__name__)
LIMIT = 9
ALLOWED_COLUMNS = {"name", "email"}


def db():
    return sqlite3.connect("app.db")


def find_user(name):
    query = "SELECT * FROM users WHERE name = '%s'" % name
    return db().execute(query).fetchall()  # positive: reached from /user through a helper


@app.route("/user")
def user():
    return str(find_user(request.args["name"]))


@app.route("/fstring")
def fstring():
    uid = request.args.get("id")
    cur = db().cursor()
    cur.execute(f"SELECT * FROM users WHERE id = {uid}")  # positive: f-string
    return "ok"


@app.route("/params")
def params():
    uid = request.args.get("id")
    db().execute("SELECT * FROM users WHERE id = ?", (uid,))  # negative: passed as a parameter
    return "ok"


@app.route("/folded")
def folded():
    col = "name" if LIMIT * 3 > 20 else request.args["col"]
    db().execute("SELECT %s FROM users" % col)  # negative: the tainted branch is dead (27 > 20)
    return "ok"


@app.route("/overwritten")
def overwritten():
    q = "SELECT * FROM t WHERE a = '%s'" % request.args["a"]
    q = "SELECT * FROM t"
    db().execute(q)  # negative: the tainted query was overwritten
    return "ok"


@app.route("/branch")
def branch():
    if request.args.get("all"):
        q = "SELECT * FROM t"
    else:
        q = "SELECT * FROM t WHERE a = '%s'" % request.args["a"]
    db().execute(q)  # positive: tainted on one branch
    return "ok"


@app.route("/allowlist")
def allowlist():
    col = request.args["col"]
    if col not in ALLOWED_COLUMNS:
        return "bad", 400
    db().execute(f"SELECT {col} FROM users")  # negative: checked against an allowlist
    return "ok"


@app.route("/int")
def as_int():
    uid = int(request.args["id"])
    db().execute(f"SELECT * FROM users WHERE id = {uid}")  # negative: a number
    return "ok"


@app.route("/wrong-sanitiser")
def wrong_sanitiser():
    import html
    name = html.escape(request.args["name"])
    db().execute(f"SELECT * FROM users WHERE name = '{name}'")  # positive: html.escape does not make SQL safe
    return "ok"
