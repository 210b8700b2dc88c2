import requests
from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/cluster/clear-cache", methods=["POST"])
def clear_cache():
    node = request.form.get("node", "")
    resp = requests.post("http://" + node + ":9200/_cache/clear", timeout=5)  # expect: CWE-918
    return jsonify({"ok": resp.ok})
