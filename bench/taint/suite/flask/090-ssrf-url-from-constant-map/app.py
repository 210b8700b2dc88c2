import requests
from flask import Flask, abort, jsonify


app = Flask(__name__)

STATUS_PAGES = {
    "github": "https://www.githubstatus.com",
    "slack": "https://status.slack.com",
}


@app.route("/status/<service>")
def service_status(service):
    base = STATUS_PAGES.get(service)
    if base is None:
        abort(404)
    resp = requests.get(base + "/api/v2/status.json", timeout=5)  # safe: CWE-918
    return jsonify(resp.json())
