from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/backend")
def backend_info():
    backend_name = request.headers.get("X-Backend", "")
    backend = __import__(backend_name)  # expect: CWE-94
    return jsonify({"backend": backend.__name__})
