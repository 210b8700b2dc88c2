import os

from flask import Flask, Response, abort, request


app = Flask(__name__)

TEMPLATE_DIR = "/srv/app/templates"


@app.route("/templates/source")
def template_source():
    template = request.args["name"]
    if template.startswith("/"):
        abort(400)
    path = os.path.join(TEMPLATE_DIR, template)
    with open(path, encoding="utf-8") as fh:  # expect: CWE-22
        source = fh.read()
    return Response(source, mimetype="text/plain")
