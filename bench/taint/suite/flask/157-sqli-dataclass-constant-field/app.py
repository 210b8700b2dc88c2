from flask import Flask, jsonify, request

import queries


app = Flask(__name__)


@app.route("/books/search")
def search_books():
    term = request.args["term"]
    rows = queries.run(queries.Search(term=term))
    return jsonify({"books": rows})
