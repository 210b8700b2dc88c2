from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text


app = Flask(__name__)

app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///crm.db"
db = SQLAlchemy(app)


@app.route("/customers/search")
def search_customers():
    city = request.args["city"]
    rows = db.session.execute(text(f"SELECT id, name FROM customers WHERE city = '{city}'")).all()  # expect: CWE-89
    return jsonify({"customers": [dict(r._mapping) for r in rows]})
