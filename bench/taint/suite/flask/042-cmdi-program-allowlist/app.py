import subprocess

from flask import Flask, Response, abort, request


app = Flask(__name__)

LINTERS = {"ruff": "/usr/bin/ruff", "mypy": "/usr/bin/mypy", "bandit": "/usr/bin/bandit"}


@app.route("/lint")
def run_linter():
    tool = request.args.get("tool", "")
    executable = LINTERS.get(tool)
    if executable is None:
        abort(400)
    proc = subprocess.run([executable, "/srv/code"], capture_output=True, text=True)  # safe: CWE-78
    return Response(proc.stdout, mimetype="text/plain")
