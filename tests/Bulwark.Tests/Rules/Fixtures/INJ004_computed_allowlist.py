# INJ004 path-traversal: a value checked for membership in a collection the code computes is one of its items. That
# is safe when the collection holds nothing from the request (a directory listing, a registry built at start-up) and
# proves nothing when the request filled it.
import os

from flask import Flask, abort, request, send_from_directory

app = Flask(__name__)
THEMES_DIR = "/srv/themes"
themes = sorted(os.listdir(THEMES_DIR))
default_theme = themes[0] if themes else "plain"


def theme_from_request():
    name = request.args.get("theme", default_theme)
    if name not in themes:
        name = default_theme
    return name


@app.route("/theme.css")
def theme_css():
    return send_from_directory(os.path.join(THEMES_DIR, theme_from_request()), "theme.css")  # negative: a listed theme


class Plugins:
    def __init__(self, root):
        self.root = root
        self.names = [n[:-3] for n in os.listdir(root) if n.endswith(".py")]

    def source(self, name):
        if name not in self.names:
            abort(404)
        return open(os.path.join(self.root, name + ".py")).read()  # negative: a registered plugin


plugins = Plugins("/srv/plugins")


@app.route("/plugin")
def plugin():
    return {"source": plugins.source(request.args["name"])}


@app.route("/pick")
def pick():
    offered = request.args.getlist("offered")
    choice = request.args.get("choice", "")
    if choice in offered:
        return open(os.path.join("/srv/files", choice)).read()  # positive: the request chose the list too
    return "no"
