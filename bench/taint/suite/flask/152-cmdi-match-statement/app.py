import os

from flask import Blueprint, abort


bp = Blueprint("main", __name__)


@bp.route("/worker/<action>", methods=["POST"])
def worker_action(action):
    match action:
        case "start":
            command = "systemctl start app-worker"
        case "stop":
            command = "systemctl stop app-worker"
        case _:
            abort(400)
    os.system(command)  # safe: CWE-78
    return {"status": "ok"}
