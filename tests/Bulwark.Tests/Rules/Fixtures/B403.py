import pickle                                      # reported
import cPickle as pickle2                          # reported
import dill                                        # reported
from shelve import open as shelf                   # reported
import pickletools                                 # reported: Bandit matches by prefix
from . import pickle as local                      # reported: relative, as Bandit does
import importlib
mod = importlib.import_module(name="pickle")       # reported: keyword form
unpickler = __import__("pickle")                   # reported
import pickle  # nosec
import json                                        # ok
import pickle_helpers_elsewhere_not  # reported: prefix match, same as Bandit
dyn = __import__(module_name)                      # ok: unknown module
import dill  # nosec import_pickle
