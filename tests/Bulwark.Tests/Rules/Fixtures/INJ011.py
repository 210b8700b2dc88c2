# INJ011 xml-external-entities: untrusted XML parsed by a parser that resolves external entities.
import io
import xml.sax
from xml.sax.handler import feature_external_ges

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


@app.route("/sax", methods=["POST"])
def sax_upload():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)  # the parser made above now resolves external entities
    parser.parse(io.BytesIO(request.data))  # positive: a SAX parser told to resolve external entities
    return "ok"


@app.route("/sax-off", methods=["POST"])
def sax_off():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.parse(io.BytesIO(request.data))  # negative: external entities left off
    return "ok"
