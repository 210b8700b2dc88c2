import xml.dom.pulldom                             # reported
from xml.dom import pulldom                        # reported
from xml.dom.pulldom import parse                  # reported
import defusedxml.pulldom                          # ok
from xml.dom import pulldom  # nosec
