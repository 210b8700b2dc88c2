# INJ014 http-header-injection: request data written into a response header.
from flask import Flask, Response, make_response, request
from urllib.parse import quote

app = Flask(__name__)


@app.route("/download")
def download():
    name = request.args["name"]
    resp = make_response("data")
    resp.headers["Content-Disposition"] = "attachment; filename=" + name  # positive: header value
    return resp


@app.route("/lang")
def lang():
    return Response("ok", headers={"Content-Language": request.args["lang"]})  # positive: headers argument


@app.route("/quoted")
def quoted():
    resp = make_response("data")
    resp.headers["Content-Disposition"] = "attachment; filename=" + quote(request.args["name"])  # negative: percent-encoded
    return resp


@app.route("/stripped")
def stripped():
    lang = request.args["lang"].replace("\r", "").replace("\n", "")
    resp = make_response("ok")
    resp.headers["Content-Language"] = lang  # negative: line breaks removed
    return resp


@app.route("/headers-object")
def headers_object():
    from werkzeug.datastructures import Headers

    headers = Headers()
    headers.add("Content-Type", request.args["type"])  # positive: a Headers object made here, then sent
    resp = Response()
    resp.headers = headers
    return resp
