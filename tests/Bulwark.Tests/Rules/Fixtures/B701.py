import jinja2
from jinja2 import Environment, select_autoescape

AUTO = False

jinja2.Environment(loader=loader)                                 # high/high: default is off
Environment(loader=loader, autoescape=False)                      # high/high
Environment(autoescape=AUTO)                                      # high/high: constant
Environment(autoescape=should_escape)                             # high/medium: unknown
Environment(autoescape=True)                                      # ok
Environment(autoescape=select_autoescape(["html"]))               # ok
jinja2.Environment(autoescape=jinja2.select_autoescape())         # ok
Environment(loader=loader)  # nosec
