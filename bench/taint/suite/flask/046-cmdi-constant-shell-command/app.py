import subprocess

from flask import Flask, jsonify, request


app = Flask(__name__)

BACKUP_DIR = "/var/backups"
SITE_DIR = "/srv/site"


@app.route("/admin/backup", methods=["POST"])
def backup_site():
    requester = request.headers.get("X-User", "")
    subprocess.run(f"tar czf {BACKUP_DIR}/site.tgz {SITE_DIR}", shell=True, check=True)  # safe: CWE-78
    return jsonify({"backup": f"{BACKUP_DIR}/site.tgz", "requested_by": requester})
