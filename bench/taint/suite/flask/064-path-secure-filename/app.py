import os

from flask import Flask, jsonify, request
from werkzeug.utils import secure_filename


app = Flask(__name__)

UPLOAD_DIR = "/var/app/notes"


@app.route("/notes", methods=["POST"])
def save_note():
    filename = request.form["filename"]
    content = request.form["content"]
    target = os.path.join(UPLOAD_DIR, secure_filename(filename))
    with open(target, "w", encoding="utf-8") as fh:  # safe: CWE-22
        fh.write(content)
    return jsonify({"saved": os.path.basename(target)})
