import json

from bottle import Bottle, response

app = Bottle()
STATS = {"cpu": 3, "mem": 41}


def json_answer(payload):
    response.content_type = "application/json; charset=utf-8"
    return json.dumps(payload)


@app.get("/api/stat/<name>")
def stat(name):
    return json_answer({"name": name, "value": STATS.get(name)})  # safe: CWE-79


@app.get("/api/echo/<word>")
def echo(word):
    response.content_type = "application/json"
    return '{"echo": "%s"}' % word  # safe: CWE-79


@app.get("/page/<name>")
def page(name):
    return "<h2>Stat " + name + "</h2><p>" + str(STATS.get(name)) + "</p>"  # expect: CWE-79
