from flask import Flask, jsonify, request


app = Flask(__name__)


@app.route("/cart/quantity")
def set_quantity():
    amount = request.args.get("amount", "")
    try:
        quantity = int(amount)
    except ValueError:
        return f"<p class='error'>'{amount}' is not a number</p>"  # expect: CWE-79
    return jsonify({"quantity": quantity})
