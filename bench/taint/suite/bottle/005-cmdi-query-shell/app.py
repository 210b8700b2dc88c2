import shlex
import subprocess

from bottle import get, request


@get("/dns")
def dns():
    host = request.query.host
    raw = subprocess.check_output("nslookup " + host, shell=True)  # expect: CWE-78
    quoted = subprocess.check_output("nslookup " + shlex.quote(host), shell=True)  # safe: CWE-78
    return {"raw": raw.decode(), "quoted": quoted.decode()}
