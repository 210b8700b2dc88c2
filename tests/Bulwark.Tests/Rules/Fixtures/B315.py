import xml.sax.expatreader
from xml.sax import expatreader
from xml.sax.expatreader import create_parser as make


def reader():
    xml.sax.expatreader.create_parser()        # reported
    expatreader.create_parser()                # reported
    make()                                     # reported: aliased
    expatreader.ExpatParser                    # ok: not a call
    make()  # nosec
