import io
import xml.sax
from xml.sax.handler import feature_external_ges

from flask import Flask, jsonify, request


app = Flask(__name__)


class TitleCollector(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []
        self._in_title = False

    def startElement(self, name, attrs):
        self._in_title = name == "title"

    def characters(self, content):
        if self._in_title:
            self.titles.append(content)


@app.route("/titles", methods=["POST"])
def titles():
    payload = request.get_data()
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(io.BytesIO(payload))  # expect: CWE-611
    return jsonify({"titles": handler.titles})
