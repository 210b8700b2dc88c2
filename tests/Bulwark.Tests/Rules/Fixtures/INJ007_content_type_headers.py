# INJ007 reflected-xss: a response whose headers declare a content type other than HTML is no page, whether the type
# is passed as a keyword, by position, or as a `Content-Type` entry of a headers dict (any case); one that declares
# HTML, a headers dict without the entry, or headers built at run time still is.
from django.http import HttpResponse
from flask import Flask, Response, make_response, request

app = Flask(__name__)
JSON_HEADERS = {"Content-Type": "application/json"}


@app.route("/a")
def make_json():
    return make_response(request.args["q"], 200, {"Content-Type": "application/json"})  # no finding


@app.route("/b")
def make_text_second():
    return make_response(request.args["q"], {"content-type": "text/plain"})  # no finding: header names ignore case


@app.route("/c")
def make_constant_headers():
    return make_response(request.args["q"], 200, JSON_HEADERS)  # no finding: a constant table


@app.route("/d")
def make_html():
    return make_response(request.args["q"], 200, {"Content-Type": "text/html; charset=utf-8"})  # finding


@app.route("/e")
def make_other_header():
    return make_response(request.args["q"], 200, {"X-Frame-Options": "DENY"})  # finding: HTML by default


@app.route("/f")
def response_positional_headers():
    return Response(request.args["q"], 200, {"Content-Type": "text/plain"})  # no finding


@app.route("/g")
def response_keyword_headers():
    return Response(request.args["q"], headers={"Content-Type": "text/plain"})  # no finding


@app.route("/h")
def response_positional_mimetype():
    return Response(request.args["q"], 200, None, "application/json")  # no finding


@app.route("/i")
def response_runtime_headers():
    headers = {}
    headers[request.args["name"]] = "x"
    return Response(request.args["q"], 200, headers)  # finding: the content type is not known


def django_positional(request):
    return HttpResponse(request.GET["q"], "application/json")  # no finding


def django_headers(request):
    return HttpResponse(request.GET["q"], headers={"Content-Type": "text/plain"})  # no finding


def django_page(request):
    return HttpResponse(request.GET["q"], headers={"Cache-Control": "no-store"})  # finding
