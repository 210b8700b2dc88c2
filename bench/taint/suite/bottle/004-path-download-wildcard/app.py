import os

from bottle import Bottle, response, static_file

app = Bottle()
REPORTS = "/var/app/reports"


@app.get("/reports/<filename:path>")
def report(filename):
    response.content_type = "application/octet-stream"
    with open(os.path.join(REPORTS, filename), "rb") as fh:  # expect: CWE-22
        return fh.read()


@app.get("/static/<filename:path>")
def static(filename):
    return static_file(filename, root="/var/app/static")  # safe: CWE-22
