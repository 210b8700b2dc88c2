from flask import Flask, jsonify, request
from lxml import etree


app = Flask(__name__)

CATALOGUE = etree.parse("catalogue.xml")


@app.route("/books")
def books_by():
    author = request.args["author"]
    titles = CATALOGUE.xpath("//book[author=$author]/title/text()", author=author)  # safe: CWE-643
    return jsonify({"titles": [str(t) for t in titles]})
