import xml.etree.cElementTree as CET
from xml.etree.cElementTree import fromstring, parse as cparse
import xml.etree.cElementTree


def load(data, path):
    CET.fromstring(data)                          # reported
    CET.iterparse(path)                           # reported
    fromstring(data)                              # reported
    cparse(path)                                  # reported
    xml.etree.cElementTree.XMLParser()            # reported
    CET.tostring(CET.Element("a"))                # ok: building XML
    CET.fromstring(data)  # nosec
    CET.fromstring(data)  # nosec xml_bad_cElementTree
