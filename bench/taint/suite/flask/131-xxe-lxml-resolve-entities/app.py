from flask import Blueprint, jsonify, request
from lxml import etree


bp = Blueprint("main", __name__)


@bp.route("/import/xml", methods=["POST"])
def import_xml():
    payload = request.get_data()
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(payload, parser)  # expect: CWE-611
    return jsonify({"root": root.tag})
