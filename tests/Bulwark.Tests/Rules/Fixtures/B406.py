import xml.sax                                     # reported
from xml import sax                                # reported
from xml.sax import handler, saxutils             # reported per name
import xml.sax.saxutils as su                      # reported
import defusedxml.sax                              # ok
import xml                                         # ok
import xml.sax  # nosec
