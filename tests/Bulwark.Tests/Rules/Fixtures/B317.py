import xml.sax
import xml.sax as sax
from xml.sax import parseString, make_parser


def load(data, path, handler):
    xml.sax.parse(path, handler)               # reported
    sax.parseString(data, handler)             # reported: aliased
    parseString(data, handler)                 # reported
    make_parser()                              # reported
    xml.sax.handler.ContentHandler()           # ok
    xml.sax.saxutils.escape(data)              # ok
    sax.parse(path, handler)  # nosec
