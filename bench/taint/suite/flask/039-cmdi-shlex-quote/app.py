from flask import Flask, jsonify, request

import services


app = Flask(__name__)


@app.route("/documents/words")
def word_count():
    document = request.args["doc"]
    count = services.word_count(document)
    return jsonify({"words": count})
