import pickle

from flask import Flask, jsonify, request


app = Flask(__name__)

MODEL_PATH = "/srv/models/risk.pkl"


@app.route("/risk")
def risk_score():
    amount = request.args.get("amount", "")
    age = request.args.get("age", "")
    with open(MODEL_PATH, "rb") as fh:
        model = pickle.load(fh)  # safe: CWE-502
    score = model.predict([[float(amount), float(age)]])[0]
    return jsonify({"score": float(score)})
