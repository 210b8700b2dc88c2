from wsgiref.handlers import CGIHandler            # reported
import wsgiref.handlers                            # ok: the module alone
from twisted.web.twcgi import CGIScript, CGIDirectory   # reported once
from wsgiref.handlers import SimpleHandler         # ok

CGIHandler().run(app)                              # reported: the call too
wsgiref.handlers.CGIHandler().run(app)             # reported
CGIScript("/cgi-bin/x")                            # reported
SimpleHandler(stdin, stdout, stderr, environ)      # ok
from wsgiref.handlers import CGIHandler  # nosec
