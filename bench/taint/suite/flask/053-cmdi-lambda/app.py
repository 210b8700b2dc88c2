import os

from flask import Blueprint, request


bp = Blueprint("main", __name__)


@bp.route("/docs/extract")
def extract_text():
    document = request.args["document"]
    render_cmd = lambda name: "pdftotext /srv/docs/" + name + " -"
    os.system(render_cmd(document))  # expect: CWE-78
    return {"status": "ok"}
