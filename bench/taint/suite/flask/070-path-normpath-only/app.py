import os

from flask import Flask, jsonify, request


app = Flask(__name__)

BACKUP_DIR = "/var/backups"


@app.route("/backups/inspect")
def inspect_backup():
    archive = request.args.get("archive", "")
    path = os.path.normpath(os.path.join(BACKUP_DIR, archive))
    with open(path, "rb") as fh:  # expect: CWE-22
        head = fh.read(512)
    return jsonify({"magic": head[:4].hex()})
