from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/api/search")
def api_search():
    query = request.args["q"]
    return jsonify({"query": query, "results": []})  # safe: CWE-79
