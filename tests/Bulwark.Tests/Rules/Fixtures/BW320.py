# BW320 xml-external-entities-enabled: parsers set up to expand external entities, whatever they parse.
import xml.sax
from xml.sax.handler import feature_external_ges

from lxml import etree
import lxml.etree as ET

parser = etree.XMLParser(resolve_entities=True)  # reported
tree = etree.parse("resources/config.xml", parser)

network = ET.XMLParser(no_network=False)  # reported: entities and DTDs fetched over the network
safe = etree.XMLParser(resolve_entities=False, no_network=True)  # ok
default = etree.XMLParser()  # ok: lxml 5 expands internal entities only
dtd = etree.XMLParser(load_dtd=True)  # ok: loading a DTD does not expand external entities
pull = etree.XMLPullParser(resolve_entities=True)  # reported
events = etree.iterparse("feed.xml", resolve_entities=True)  # reported

RESOLVE = True
configured = etree.XMLParser(resolve_entities=RESOLVE)  # reported: the constant is True

sax = xml.sax.make_parser()
sax.setFeature(feature_external_ges, True)  # reported
sax.setFeature("http://xml.org/sax/features/external-general-entities", 1 == 1)  # reported
sax.setFeature(feature_external_ges, False)  # ok
sax.setFeature(xml.sax.handler.feature_namespaces, True)  # ok: another feature


def own_text():
    parser = etree.XMLParser(resolve_entities=True)  # ok: it only ever parses the program's own text
    return etree.fromstring("<config><debug>false</debug></config>", parser)


def own_text_keyword():
    parser = etree.XMLParser(resolve_entities=True)  # ok: the parser given by keyword, to the program's own text
    return etree.fromstring("<config/>", parser=parser)


def given_text(document):
    parser = etree.XMLParser(resolve_entities=True)  # reported: the caller's document
    return etree.fromstring(document, parser)


def returned():
    return etree.XMLParser(resolve_entities=True)  # reported: used elsewhere


def sax_own_text():
    import xml.dom.minidom
    reader = xml.sax.make_parser()
    reader.setFeature(feature_external_ges, True)  # ok: the document is a constant
    return xml.dom.minidom.parseString("<a>b</a>", reader)


def sax_given(text):
    import xml.dom.minidom
    reader = xml.sax.make_parser()
    reader.setFeature(feature_external_ges, True)  # reported
    return xml.dom.minidom.parseString(text, reader)
