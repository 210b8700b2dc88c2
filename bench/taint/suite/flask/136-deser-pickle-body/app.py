import pickle

from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/state/restore", methods=["POST"])
def restore_state():
    payload = request.get_data()
    state = pickle.loads(payload)  # expect: CWE-502
    return jsonify({"keys": sorted(state)})
