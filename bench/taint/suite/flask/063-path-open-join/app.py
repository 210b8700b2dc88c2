import os

from flask import Flask, Response, request


app = Flask(__name__)

DOCS_DIR = "/srv/app/docs"


@app.route("/docs")
def read_doc():
    name = request.args["name"]
    with open(os.path.join(DOCS_DIR, name), encoding="utf-8") as fh:  # expect: CWE-22
        text = fh.read()
    return Response(text, mimetype="text/plain")
