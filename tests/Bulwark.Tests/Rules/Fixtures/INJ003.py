# INJ003 code-injection: request data evaluated as code or imported by name.
import importlib

from flask import Flask, request

app = Flask(__name__)
ENABLE_MATH = False


@app.route("/calc")
def calc():
    expr = request.args["expr"]
    return str(eval(expr))  # positive: eval


@app.route("/run")
def run():
    code = request.form["code"]
    exec("result = " + code)  # positive: exec of concatenated code
    return "ok"


@app.route("/plugin")
def plugin():
    name = request.args["plugin"]
    return str(importlib.import_module(name))  # positive: a module named by the request


@app.route("/constant")
def constant():
    return str(eval("1 + 2"))  # negative: a constant expression


@app.route("/dead")
def dead():
    expr = request.args["expr"] if ENABLE_MATH else "0"
    return str(eval(expr))  # negative: the tainted branch is dead


@app.route("/number")
def number():
    n = float(request.args["n"])
    return str(eval(f"{n} * 2"))  # negative: a float


@app.route("/allowed")
def allowed():
    name = request.args["plugin"]
    if name in ("csv", "json"):
        return str(importlib.import_module(name))  # negative: allowlisted
    return "no"
