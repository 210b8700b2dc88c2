import os
import shutil

from flask import Blueprint, request


bp = Blueprint("main", __name__)

TEMPLATES = "/srv/templates"
WORKSPACE = "/srv/workspace"


@bp.route("/drafts", methods=["POST"])
def new_draft():
    source = request.form.get("template", "")
    shutil.copy(os.path.join(TEMPLATES, source), os.path.join(WORKSPACE, "draft.docx"))  # expect: CWE-22
    return {"status": "ok"}
