import subprocess                                  # reported
import subprocess as sp                            # reported
from subprocess import Popen, PIPE                 # reported once per statement
from .. import subprocess                          # reported: relative, as Bandit does
from ..subprocess import run                       # reported
import importlib
importlib.import_module("subprocess")              # reported
import subprocess  # nosec
import os                                          # ok
import shlex                                       # ok
