import pyghmi                                      # reported
from pyghmi.ipmi import command                    # reported
import pyghmi.ipmi.command as ipmi                 # reported
import importlib
importlib.import_module("pyghmi")                  # reported
import redfish                                     # ok
import pyghmi  # nosec
