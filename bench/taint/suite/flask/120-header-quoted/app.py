import urllib.parse

from flask import Flask, make_response, request


app = Flask(__name__)


@app.route("/export.csv")
def export_csv():
    filename = request.args.get("name", "")
    resp = make_response("id,name\n")
    resp.headers["Content-Disposition"] = "attachment; filename*=UTF-8''" + urllib.parse.quote(filename)  # safe: CWE-113
    return resp
