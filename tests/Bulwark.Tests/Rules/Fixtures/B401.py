import telnetlib                                   # reported
import telnetlib as tn                             # reported
from telnetlib import Telnet                       # reported
import os, telnetlib                               # reported: second name
import importlib

telnet = __import__("telnetlib")                   # reported: dynamic import
telnet2 = importlib.import_module("telnetlib")     # reported: importlib
import telnetlib  # nosec
import paramiko                                    # ok
import os.path                                     # ok
__import__()                                       # ok: no argument (seen in the wild), no crash
importlib.import_module()                          # ok: no argument, no crash
importlib.import_module(MODULES[key])              # ok: not a name
