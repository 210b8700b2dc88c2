from flask import Flask, jsonify, request

import db


app = Flask(__name__)


@app.route("/orders")
def orders():
    customer = request.args["customer"]
    orders = db.find_orders(customer)
    return jsonify({"orders": orders})
