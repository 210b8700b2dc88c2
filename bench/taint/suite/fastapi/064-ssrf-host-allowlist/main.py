import urllib.parse

import requests
from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse


app = FastAPI()

TRUSTED_FEEDS = {"feeds.bbci.co.uk", "rss.nytimes.com"}


@app.get("/feeds/proxy")
def proxy_feed(feed: str = ""):
    parts = urllib.parse.urlsplit(feed)
    if parts.scheme != "https" or parts.hostname not in TRUSTED_FEEDS:
        raise HTTPException(status_code=400, detail="invalid request")
    resp = requests.get(feed, timeout=10)  # safe: CWE-918
    return PlainTextResponse(resp.text)
