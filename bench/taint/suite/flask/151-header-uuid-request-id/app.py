import uuid

from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/jobs/accept", methods=["POST"])
def accept():
    raw_id = request.headers.get("X-Request-Id", "")
    try:
        request_id = str(uuid.UUID(raw_id))
    except ValueError:
        request_id = uuid.uuid4().hex
    resp = jsonify(status="accepted")
    resp.headers["X-Request-ID"] = request_id  # safe: CWE-113
    return resp
