# INJ015 log-injection: a fetched response's status is a number whatever the server sent (requests, httpx, urllib);
# its headers and body are the fetched site's, the attacker's when the attacker chose the URL.
import logging
import requests
import urllib.request
from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)


@app.route("/p")
def proxy():
    resp = requests.get(request.args["url"])
    log.debug("status %s", resp.status_code)  # no finding: a number
    log.debug("type %s", resp.headers.get("content-type"))  # finding: the fetched site's header
    with urllib.request.urlopen(request.args["u"]) as r:
        log.info("got %d", r.status)  # no finding
        exec(r.read())  # finding: code injection
    return requests.get(request.args["url"]).text  # finding: xss
