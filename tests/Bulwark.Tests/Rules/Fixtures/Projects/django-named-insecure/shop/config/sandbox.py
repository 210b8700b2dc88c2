# Looks like settings, but no DJANGO_SETTINGS_MODULE names it and its path follows no convention: not a deployment's.
from .common import *

DEBUG = True
