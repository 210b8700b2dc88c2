# INJ005 server-side request forgery: request data choosing the URL a server-side request goes to.
import urllib.request
from urllib.parse import quote

import requests
from flask import Flask, request

app = Flask(__name__)
ALLOWED_HOSTS = {"api.example.com"}


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    return requests.get(url).text  # positive: the whole URL


@app.route("/proxy")
def proxy():
    host = request.args["host"]
    return requests.post(f"http://{host}/api", data={"a": 1}).text  # positive: the host


@app.route("/urlopen")
def urlopen():
    return urllib.request.urlopen(request.args["u"]).read()  # positive: urllib


@app.route("/param")
def param():
    q = request.args["q"]
    return requests.get("https://api.example.com/search", params={"q": q}).text  # negative: a query parameter


@app.route("/path-segment")
def path_segment():
    item = quote(request.args["item"], safe="")
    return requests.get(f"https://api.example.com/items/{item}").text  # negative: a quoted path segment on a fixed host


@app.route("/allowlisted")
def allowlisted():
    host = request.args["host"]
    if host not in ALLOWED_HOSTS:
        return "bad", 400
    return requests.get(f"https://{host}/status").text  # negative: allowlisted host


@app.route("/two-segments")
def two_segments():
    region, user = request.args["region"], request.args["user"]
    return requests.get("https://api.example.com/%s/%s/age" % (region, user)).text  # negative: the host is fixed before both


@app.route("/host-then-path")
def host_then_path():
    host, user = request.args["host"], request.args["user"]
    return requests.get("https://%s/%s" % (host, user)).text  # positive: the first value is the host


@app.route("/configured-host")
def configured_host():
    host = app.config["API_HOST"]
    return requests.get("https://%s/users/%s" % (host, request.args["user"])).text  # negative: the request names a path on a configured host
