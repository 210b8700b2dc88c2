import telnetlib
import telnetlib as tl
from telnetlib import Telnet


def connect(host):
    telnetlib.Telnet(host)            # reported
    tl.Telnet(host, 23)               # reported: aliased module
    Telnet(host).read_all()           # reported: from-import, nested
    telnetlib.IAC                     # ok: not a call
    telnetlib.Telnet(host)  # nosec
