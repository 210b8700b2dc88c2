from flask import Flask, jsonify, request

import db


app = Flask(__name__)


@app.route("/facets")
def facet():
    column = request.args.get("field", "")
    values = db.distinct_values(column)
    return jsonify({"values": values})
