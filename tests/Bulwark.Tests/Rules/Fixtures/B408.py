import xml.dom.minidom                             # reported
from xml.dom import minidom                        # reported
from xml.dom.minidom import parseString as ps      # reported
import defusedxml.minidom                          # ok
import xml.dom.minidom  # nosec
