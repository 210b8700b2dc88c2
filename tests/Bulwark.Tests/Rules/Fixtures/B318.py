import xml.dom.minidom
from xml.dom import minidom
from xml.dom.minidom import parseString as ps


def load(data, path):
    xml.dom.minidom.parse(path)                # reported
    minidom.parseString(data)                  # reported
    ps(data).documentElement                   # reported: nested
    minidom.Document()                         # ok: building XML
    minidom.parseString(data)  # nosec
