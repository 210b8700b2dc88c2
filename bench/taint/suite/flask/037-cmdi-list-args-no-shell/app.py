import subprocess

from flask import Flask, Response


app = Flask(__name__)

REPO_DIR = "/srv/repos/main"


@app.route("/repos/<ref>/log")
def repo_log(ref):
    result = subprocess.run(  # safe: CWE-78
        ["git", "log", "--oneline", "-n", "20", "--", ref],
        capture_output=True,
        text=True,
        cwd=REPO_DIR,
        check=False,
    )
    return Response(result.stdout, mimetype="text/plain")
