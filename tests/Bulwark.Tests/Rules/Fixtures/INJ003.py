# INJ003 code-injection: request data evaluated as code or imported by name.
import importlib
import urllib.request

import aiohttp
import numexpr
import requests
from flask import Flask, request
from PIL import Image, ImageMath

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


@app.route("/image", methods=["POST"])
def image():
    img = Image.open(request.files["file"]).convert("L")
    formula = request.form.get("function")
    return str(ImageMath.eval(formula, a=img))  # positive: Pillow evaluates the expression as Python


@app.route("/image/fixed", methods=["POST"])
def image_fixed():
    img = Image.open(request.files["file"]).convert("L")
    return str(ImageMath.eval("a * 2", a=img))  # negative: the expression is a constant; only the image is the request's


@app.route("/numexpr")
def numexpr_view():
    return str(numexpr.evaluate(request.args["ex"]))  # positive: numexpr before 2.8.5 runs the expression through eval


@app.route("/include")
def include():
    source = urllib.request.urlopen(request.args["url"]).read()
    exec(source)  # positive: code fetched from a URL the request chose (remote file inclusion)
    return "ok"


@app.route("/include/requests")
def include_requests():
    plugin = requests.get(request.args["plugin_url"], timeout=5)
    exec(plugin.text)  # positive: the body of a URL the request chose


@app.route("/include/fixed")
def include_fixed():
    name = request.args["name"]
    body = requests.get("https://plugins.example.com/v1/" + name, timeout=5).text
    exec(body)  # negative: the origin is fixed, so the body is the plugin server's, not the request's
    return "ok"


@app.route("/include/keyword")
def include_keyword():
    response = requests.get(url=request.args["plugin_url"], timeout=5)
    exec(response.content)  # positive: the URL given by keyword


@app.route("/include/async")
async def include_async():
    async with aiohttp.ClientSession() as session:
        async with session.get(request.args["plugin_url"]) as response:
            exec(await response.text())  # positive: aiohttp fetches the body of a URL the request chose
    return "ok"
