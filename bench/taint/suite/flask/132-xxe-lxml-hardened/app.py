from flask import Flask, jsonify, request
from lxml import etree


app = Flask(__name__)

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@app.route("/import/xml", methods=["POST"])
def import_xml():
    payload = request.get_data()
    root = etree.fromstring(payload, SAFE_PARSER)  # safe: CWE-611
    return jsonify({"items": len(root)})
