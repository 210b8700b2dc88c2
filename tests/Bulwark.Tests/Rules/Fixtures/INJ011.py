# INJ011 xml-external-entities: untrusted XML parsed by a parser that resolves external entities.
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/upload", methods=["POST"])
def upload():
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.data, parser)  # positive: entities resolved
    return doc.tag


@app.route("/safe", methods=["POST"])
def safe():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    doc = etree.fromstring(request.data, parser)  # negative: entities not resolved
    return doc.tag


@app.route("/local", methods=["POST"])
def local():
    parser = etree.XMLParser(resolve_entities=True)
    with open("config.xml", "rb") as f:
        doc = etree.fromstring(f.read(), parser)  # negative: a local file, not request data
    return doc.tag
