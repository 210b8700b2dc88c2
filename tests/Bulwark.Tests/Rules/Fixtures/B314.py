import xml.etree.ElementTree as ET
from xml.etree.ElementTree import fromstring as parse_xml, XMLParser
from xml.etree import ElementTree
import defusedxml.ElementTree as DET


def load(data, path):
    ET.fromstring(data)                           # reported
    ET.parse(path).getroot()                      # reported: nested
    parse_xml(data)                               # reported
    XMLParser()                                   # reported
    ElementTree.iterparse(path)                   # reported
    DET.fromstring(data)                          # ok: defusedxml
    ET.Element("root")                            # ok: building XML
    ET.tostring(ET.Element("a"))                  # ok
    ET.fromstring(data)  # nosec B314
