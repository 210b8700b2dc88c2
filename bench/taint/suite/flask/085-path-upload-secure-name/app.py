import os
import uuid

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename


app = Flask(__name__)

UPLOAD_DIR = "/var/app/uploads"


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["document"]
    stored = f"{uuid.uuid4().hex}{os.path.splitext(secure_filename(upload.filename))[1]}"
    with open(os.path.join(UPLOAD_DIR, stored), "wb") as out:  # safe: CWE-22
        out.write(upload.read())
    return jsonify({"id": stored})
