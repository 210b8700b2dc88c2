# INJ004 path-traversal: request data naming a file to open, write, send or delete.
import os
import shutil

from flask import Flask, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/read")
def read():
    name = request.args["name"]
    with open(os.path.join(BASE, name)) as f:  # positive: joined but not checked
        return f.read()


@app.route("/download")
def download():
    return send_file(request.args["path"])  # positive: send_file


@app.route("/delete", methods=["POST"])
def delete():
    os.remove(request.form["path"])  # positive: os.remove
    return "ok"


@app.route("/secure")
def secure():
    name = secure_filename(request.args["name"])
    with open(os.path.join(BASE, name)) as f:  # negative: secure_filename
        return f.read()


@app.route("/basename")
def basename():
    name = os.path.basename(request.args["name"])
    return send_file(os.path.join(BASE, name))  # negative: os.path.basename


@app.route("/checked")
def checked():
    path = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if not path.startswith(BASE + os.sep):
        return "bad", 400
    with open(path) as f:  # negative: normalised and checked against the base directory
        return f.read()


@app.route("/dotdot")
def dotdot():
    name = request.args["name"]
    if ".." in name or name.startswith("/"):
        return "bad", 400
    with open(os.path.join(BASE, name)) as f:  # negative: rejected '..' and absolute paths
        return f.read()


@app.route("/copy", methods=["POST"])
def copy():
    shutil.copy(os.path.join(BASE, "template.txt"), request.form["dest"])  # positive: shutil destination
    return "ok"
