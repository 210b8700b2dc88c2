# INJ007 reflected-xss: a string a Bottle route returns is the page (text/html); a dict is JSON and a template escapes.
from bottle import HTTPResponse, get, html_escape, request, response, template


@get("/hello/<name>")
def hello(name):
    return "<h1>Hello " + name + "</h1>"  # positive: the wildcard in the page


@get("/greet")
def greet():
    name = request.query.name
    if not name:
        return {"error": "name?"}  # negative: a dict
    if request.query.plain:
        return HTTPResponse(name, content_type="text/plain")  # negative: plain text
    if request.query.escaped:
        return "<b>%s</b>" % html_escape(name)  # negative: escaped
    return template("<b>Hello {{name}}</b>", name=name)  # negative: SimpleTemplate escapes {{ }}


@get("/page")
def page():
    return HTTPResponse("<p>" + request.query.msg + "</p>")  # positive: an HTML response


@get("/api/echo/<word>")
def echo(word):
    response.content_type = "application/json"
    return '{"word": "%s"}' % word  # negative: declared JSON


def api_answer(value):
    response.set_header("Content-Type", "text/plain; charset=utf-8")
    return "value: " + value


@get("/api/value/<value>")
def value(value):
    return api_answer(value)  # negative: the helper it calls declares plain text


@get("/shout/<word>")
def shout(word):
    response.set_header("X-Frame-Options", "DENY")
    return "<b>" + word.upper() + "</b>"  # positive: no content type declared
