import xml.sax                                     # reported
from xml import sax                                # reported
from xml.sax import handler, saxutils             # reported once per statement
import xml.sax.saxutils as su                      # reported
import defusedxml.sax                              # ok
import xml                                         # ok
import xml.sax  # nosec
from xml.sax import (
    make_parser,
    ContentHandler,
)                                                  # reported once, on the statement's first line
from xml.sax import (  # nosec
    parseString,
)
