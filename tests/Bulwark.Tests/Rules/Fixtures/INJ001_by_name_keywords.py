# INJ001 sql-injection: a DB-API method known by its name alone (`.execute` of an object of unknown type) is a sink for
# the query passed as such, or forwarded in `*args`; what `**options` might hold under a keyword does not count (GraphQL's
# `document.execute(**options)` is no cursor's).
from flask import Flask, request

app = Flask(__name__)


def connection():
    raise NotImplementedError


@app.route("/g")
def graphql_view(document):
    options = {"operation_name": request.args["op"], "variables": request.args}
    return str(document.execute(**options))  # no finding: whatever `document` is, no query is passed as such


@app.route("/s")
def sql_view():
    cur = connection().cursor()
    cur.execute("SELECT * FROM t WHERE a = '%s'" % request.args["a"])  # finding: the query, passed as such
    params = [request.args["q"]]
    cur.execute(*params)  # finding: the first of the arguments forwarded is the query
    return "ok"
