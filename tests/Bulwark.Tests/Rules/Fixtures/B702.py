from mako.template import Template
import mako
from mako import template as tmpl

Template("<p>${name}</p>")                    # reported
mako.template.Template("x")                   # reported
tmpl.Template("x")                            # reported: aliased
string.Template("x")                          # ok: not mako
Template("x")  # nosec
