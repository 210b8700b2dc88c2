import os

from flask import Flask, abort, jsonify, request


app = Flask(__name__)

MEDIA_ROOT = "/srv/media"


@app.route("/media")
def media_info():
    relpath = request.args["path"]
    if ".." in relpath:
        abort(400)
    with open(os.path.join(MEDIA_ROOT, relpath), "rb") as fh:  # expect: CWE-22
        data = fh.read()
    return jsonify({"bytes": len(data)})
