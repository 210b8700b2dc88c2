from flask import Flask, jsonify, request
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine("postgresql://app@localhost/shop")

ORDERS_BY_CUSTOMER = text("SELECT id, total FROM orders WHERE customer = :customer ORDER BY id")


@app.get("/orders")
def orders():
    customer = request.args.get("customer", "")
    with engine.connect() as conn:
        rows = conn.execute(ORDERS_BY_CUSTOMER.bindparams(customer=customer)).all()  # safe: CWE-89
    return jsonify([dict(r._mapping) for r in rows])


@app.get("/report")
def report():
    column = request.args.get("sort", "id")
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT id, total FROM orders ORDER BY {column}").bindparams()).all()  # expect: CWE-89
    return jsonify([dict(r._mapping) for r in rows])
