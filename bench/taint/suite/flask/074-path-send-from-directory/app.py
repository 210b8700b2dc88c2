from flask import Blueprint, send_from_directory


bp = Blueprint("main", __name__)

DOWNLOAD_DIR = "/srv/downloads"


@bp.route("/downloads/<path:name>")
def download(name):
    return send_from_directory(DOWNLOAD_DIR, name, as_attachment=True)  # safe: CWE-22
