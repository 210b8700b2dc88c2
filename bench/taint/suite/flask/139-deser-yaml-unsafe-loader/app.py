import pipelines
from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/pipelines/validate", methods=["POST"])
def validate_pipeline():
    spec_text = request.get_data(as_text=True)
    steps = pipelines.parse_pipeline(spec_text)
    return jsonify({"steps": len(steps)})
