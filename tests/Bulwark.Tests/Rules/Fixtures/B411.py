import xmlrpc                                      # reported
import xmlrpc.client                               # reported
from xmlrpc.server import SimpleXMLRPCServer       # reported
import xmlrpclib                                   # reported: Python 2 module, prefix match
from defusedxml.xmlrpc import monkey_patch         # ok
import xmlrpc.client  # nosec
