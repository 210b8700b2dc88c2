# INJ007 reflected-xss: a string a Bottle route returns is the page (text/html); a dict is JSON and a template escapes.
from bottle import HTTPResponse, get, html_escape, request, template


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
