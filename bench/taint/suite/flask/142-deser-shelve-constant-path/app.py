import shelve
from flask import Flask, jsonify


app = Flask(__name__)

CACHE_FILE = "/var/cache/app/results"


@app.route("/cache/<key>")
def cache_lookup(key):
    with shelve.open(CACHE_FILE, flag="r") as cache:  # safe: CWE-502
        entry = cache.get(key)
    return jsonify({"cached": entry is not None})
