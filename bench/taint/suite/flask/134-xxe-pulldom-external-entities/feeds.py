import io
import xml.dom.pulldom
import xml.sax
from xml.sax.handler import feature_external_ges


def count_items(data):
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    events = xml.dom.pulldom.parse(io.BytesIO(data), parser=parser)  # expect: CWE-611
    return sum(1 for event, node in events if event == xml.dom.pulldom.START_ELEMENT and node.tagName == "item")
