import xml.dom.pulldom
from xml.dom import pulldom as pd
from xml.dom.pulldom import parse


def load(data, path):
    xml.dom.pulldom.parseString(data)          # reported
    pd.parse(path)                             # reported
    for event, node in parse(path):            # reported
        pass
    pd.SAX2DOM()                               # ok
    pd.parseString(data)  # nosec
