import requests
from flask import Flask, jsonify, request


app = Flask(__name__)

GEOCODER_URL = "https://geo.example.com/search"


@app.route("/geocode")
def geocode():
    address = request.args.get("address", "")
    resp = requests.get(GEOCODER_URL, params={"q": address, "format": "json"}, timeout=5)  # safe: CWE-918
    return jsonify(resp.json())
