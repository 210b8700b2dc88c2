import xml.dom.expatbuilder
from xml.dom import expatbuilder as eb
from xml.dom.expatbuilder import parseString


def load(data, path):
    xml.dom.expatbuilder.parse(path)           # reported
    eb.parseString(data)                       # reported
    parseString(data)                          # reported
    eb.ExpatBuilder()                          # ok: not listed
    eb.parse(path)  # nosec
