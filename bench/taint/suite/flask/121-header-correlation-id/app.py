from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/status")
def status():
    correlation = request.headers.get("X-Correlation-Id", "")
    resp = jsonify(status="ok")
    resp.headers["X-Correlation-ID"] = correlation  # expect: CWE-113
    return resp
