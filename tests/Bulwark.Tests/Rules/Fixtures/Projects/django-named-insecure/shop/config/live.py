# Named by manage.py, though neither its path nor its text says "settings".
from .common import *

DEBUG = True  # expect: CFG101
