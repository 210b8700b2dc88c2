import os

from flask import Flask, abort, jsonify, request


app = Flask(__name__)

ASSETS = "/srv/static/assets"


@app.route("/assets/size")
def asset_size():
    asset = request.args.get("asset", "")
    full = os.path.realpath(os.path.join(ASSETS, asset))
    if not full.startswith(ASSETS + os.sep):
        abort(404)
    with open(full, "rb") as fh:  # safe: CWE-22
        payload = fh.read()
    return jsonify({"size": len(payload)})
