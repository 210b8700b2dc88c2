import ipaddress
import os

from flask import Flask, abort, jsonify, request


app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args["host"]
    try:
        address = ipaddress.IPv4Address(host)
    except ValueError:
        abort(400)
    status = os.system(f"ping -c 1 -W 2 {address}")  # safe: CWE-78
    return jsonify({"up": status == 0})
