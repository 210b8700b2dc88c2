import os

from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/diagnostics/ping")
def ping():
    host = request.args.get("host", "")
    status = os.system(f"ping -c 3 {host} > /dev/null")  # expect: CWE-78
    return jsonify({"reachable": status == 0})
