import subprocess

from flask import Blueprint, request


bp = Blueprint("main", __name__)


@bp.route("/admin/sync", methods=["POST"])
def sync_mirror():
    flag = request.args["verbose"]
    verbose = flag == "1"
    command = "rsync -a" + (" -v" if verbose else "") + " /srv/site/ /srv/mirror/"
    subprocess.run(command, shell=True, check=True)  # safe: CWE-78
    return {"status": "ok"}
