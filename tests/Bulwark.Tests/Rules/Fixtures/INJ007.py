# INJ007 reflected-xss: request data written into an HTML response.
import html

from flask import Flask, make_response, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args["name"]
    return "<h1>Hello " + name + "</h1>"  # positive: returned as HTML


@app.route("/markup")
def markup():
    return Markup("<p>%s</p>" % request.args["msg"])  # positive: marked safe


@app.route("/response")
def response():
    return make_response("<div>" + request.args["q"] + "</div>")  # positive: make_response


@app.route("/escaped")
def escaped():
    name = html.escape(request.args["name"])
    return "<h1>Hello " + name + "</h1>"  # negative: html.escape


@app.route("/markupsafe")
def markupsafe_escape():
    return "<p>" + escape(request.args["msg"]) + "</p>"  # negative: markupsafe.escape


@app.route("/template")
def template():
    return render_template("hello.html", name=request.args["name"])  # negative: autoescaped template


@app.route("/count")
def count():
    n = int(request.args["n"])
    return f"<p>{n} items</p>"  # negative: a number


@app.route("/header-only")
def header_only():
    return make_response(("saved", {"X-Name": request.args["name"]}))  # negative: only the body of the tuple is the page


@app.route("/tuple-body")
def tuple_body():
    return make_response(("<p>" + request.args["name"] + "</p>", 200))  # positive: the tuple's body


@app.route("/round-trip")
def round_trip():
    import base64

    hidden = base64.b64encode(request.args["name"].encode())
    return "<p>" + base64.b64decode(hidden).decode() + "</p>"  # positive: decoding gives the request's text back


@app.route("/encoded")
def encoded():
    import base64

    return "<p>" + base64.b64encode(request.args["name"].encode()).decode() + "</p>"  # negative: base64 text


@app.route("/about/team")
def fixed_route():
    section = request.path.split("/")[1]
    return "<h1>" + section + "</h1>"  # negative: a fixed route's path is the route


@app.route("/about/<name>")
def variable_route(name):
    return "<h1>" + request.path + "</h1>"  # positive: the client chose part of the path


from flask import Blueprint

pages = Blueprint("pages", __name__)


@pages.route("/about")
def blueprint_route():
    return "<h1>" + request.path + "</h1>"  # positive: a blueprint may be registered under a prefix with variables


@app.route("/plain-tuple")
def plain_tuple():
    return "Hello " + request.args["name"], 200, {"Content-Type": "text/plain; charset=utf-8"}  # negative: declared plain text


@app.route("/json-tuple")
def json_tuple():
    return '{"q": "' + request.args["q"] + '"}', {"content-type": "application/json"}  # negative: declared JSON


@app.route("/html-tuple")
def html_tuple():
    return "<p>" + request.args["q"] + "</p>", 200, {"Content-Type": "text/html"}  # positive: declared HTML


@app.route("/status-tuple")
def status_tuple():
    return "<p>" + request.args["q"] + "</p>", 404  # positive: a status alone leaves it HTML
