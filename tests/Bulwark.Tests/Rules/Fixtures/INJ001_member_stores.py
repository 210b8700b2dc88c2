# INJ001 sql-injection: a value stored into one member of an object (`o.a = v`, `o["a"] = v`) is in that member and in
# the object as a whole, not in the object's other members: `o.b` after `o.a = request_data` is not request data.
import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


class Query:
    table = {"users": "SELECT * FROM users"}
    default = "SELECT 1"


@app.route("/same-member")
def same_member():
    q = Query()
    q.text = request.args["q"]
    db.execute(q.text)  # finding: the member the request was stored into


@app.route("/other-member")
def other_member():
    q = Query()
    q.text = request.args["q"]
    db.execute(q.default)  # no finding: another member


def keep(q, text):
    q.text = text
    return q


@app.route("/through-helper")
def through_helper():
    q = keep(Query(), request.args["q"])
    db.execute(q.text)  # finding: stored by the helper
    db.execute(q.default)  # no finding: the helper stored into another member


def lookup(q, text):
    q.text = text
    return q.table["users"]


@app.route("/helper-reads-other")
def helper_reads_other():
    db.execute(lookup(Query(), request.args["q"]))  # no finding: the helper reads a member it did not store into


def item(row, value):
    row["name"] = value
    return row["sql"]


@app.route("/items")
def items():
    db.execute(item({"sql": "SELECT 2"}, request.args["q"]))  # no finding: another key


class Handler:
    queries = {"list": "SELECT * FROM items"}

    def run(self, term):
        self.term = term
        return db.execute(self.queries["list"])  # no finding: stored into self.term, read self.queries

    def run_term(self, term):
        self.term = term
        return db.execute(self.term)  # finding


@app.route("/handler")
def handler():
    h = Handler()
    h.run(request.args["q"])
    h.run_term(request.args["q"])


@app.route("/whole")
def whole():
    q = Query()
    q.text = request.args["q"]
    db.execute(str(q))  # finding: the object as a whole holds what was stored into it
