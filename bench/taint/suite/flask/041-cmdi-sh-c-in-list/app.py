import subprocess

from flask import Blueprint, Response


bp = Blueprint("main", __name__)


@bp.route("/shares/<share>/usage")
def share_usage(share):
    proc = subprocess.run(["sh", "-c", f"du -sh /srv/shares/{share}"], capture_output=True, text=True)  # expect: CWE-78
    return Response(proc.stdout, mimetype="text/plain")
