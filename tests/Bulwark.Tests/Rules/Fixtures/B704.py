from markupsafe import Markup
import flask

Markup(f"<b>{username}</b>")                       # reported
flask.Markup(content)                               # reported
Markup(clean(content))                              # reported: not an allowed call by default
Markup("<b>static</b>")                             # ok: literal
Markup("<b>{}</b>").format(username)                # ok: Markup.format escapes
Markup()                                            # ok: no argument
Markup(content)  # nosec
