import xml.dom.expatbuilder                        # reported
from xml.dom import expatbuilder                   # reported
from xml.dom.expatbuilder import parseString       # reported
import xml.dom                                     # ok
from xml.dom import minidom                        # ok here: B408
import xml.dom.expatbuilder  # nosec
