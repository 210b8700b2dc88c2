import os

from flask import Flask, request

app = Flask(__name__)
REPORT_DIR = "/srv/reports"
AVAILABLE = [name for name in os.listdir(REPORT_DIR) if name.endswith(".txt")]


@app.route("/report")
def report():
    name = request.args.get("name", "")
    if name not in AVAILABLE:
        return "unknown report", 404
    with open(os.path.join(REPORT_DIR, name)) as fh:  # safe: CWE-22
        return fh.read(), 200, {"Content-Type": "text/plain"}


@app.route("/compare")
def compare():
    candidates = request.args.get("candidates", "").split(",")
    name = request.args.get("name", "")
    if name in candidates:
        with open(os.path.join(REPORT_DIR, name)) as fh:  # expect: CWE-22
            return fh.read(), 200, {"Content-Type": "text/plain"}
    return "not a candidate", 400
