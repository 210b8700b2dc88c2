import os

from flask import Flask, request


app = Flask(__name__)

UPLOAD_DIR = "/var/app/uploads"


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["document"]
    with open(os.path.join(UPLOAD_DIR, upload.filename), "wb") as out:  # expect: CWE-22
        out.write(upload.read())
    return {"status": "ok"}
