from flask import Blueprint, jsonify, request
from lxml import etree


bp = Blueprint("main", __name__)

CATALOGUE = etree.parse("catalogue.xml")


@bp.route("/books")
def books_by():
    author = request.args.get("author", "")
    titles = CATALOGUE.xpath(f"//book[author='{author}']/title/text()")  # expect: CWE-643
    return jsonify({"titles": [str(t) for t in titles]})
