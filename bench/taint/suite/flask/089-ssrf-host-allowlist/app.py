import urllib.parse

import requests
from flask import Blueprint, Response, abort, request


bp = Blueprint("main", __name__)

TRUSTED_FEEDS = {"feeds.bbci.co.uk", "rss.nytimes.com"}


@bp.route("/feeds/proxy")
def proxy_feed():
    feed = request.args["url"]
    parts = urllib.parse.urlsplit(feed)
    if parts.scheme != "https" or parts.hostname not in TRUSTED_FEEDS:
        abort(400)
    resp = requests.get(feed, timeout=10)  # safe: CWE-918
    return Response(resp.text, mimetype="text/plain")
