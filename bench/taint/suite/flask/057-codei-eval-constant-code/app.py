from flask import Flask, jsonify, request


app = Flask(__name__)

PRICE_FORMULA = "round(price * qty * 1.2, 2)"


@app.route("/quote")
def quote():
    price = request.args["price"]
    qty = request.args["qty"]
    namespace = {"price": float(price), "qty": int(qty)}
    total = eval(PRICE_FORMULA, {"__builtins__": {}}, namespace)  # safe: CWE-94
    return jsonify({"total": total})
