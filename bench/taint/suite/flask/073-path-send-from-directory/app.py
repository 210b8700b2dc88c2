from flask import Flask, request, send_from_directory


app = Flask(__name__)

DOWNLOAD_DIR = "/srv/downloads"


@app.route("/downloads")
def download():
    name = request.args["name"]
    return send_from_directory(DOWNLOAD_DIR, name, as_attachment=True)  # safe: CWE-22
