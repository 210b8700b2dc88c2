# INJ004 path-traversal: request data naming a file to open, write, send or delete.
import os
import pathlib
import shutil
import tarfile

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


@app.route("/pathlib-join")
def pathlib_join():
    p = pathlib.Path(BASE) / request.args["name"]
    return p.read_text()  # positive: `/` keeps an absolute or `..` name


@app.route("/exists")
def exists():
    name = request.args["name"]
    if os.path.exists(f"{BASE}/{name}"):  # positive: probing an attacker-chosen path
        return "yes"
    return "no"


@app.route("/slash-dotdot")
def slash_dotdot():
    name = request.args["name"]
    if "../" in name:
        return "bad", 400
    with open(f"{BASE}/{name}") as f:  # negative: no '../', and the base is a fixed prefix
        return f.read()


@app.route("/resolved")
def resolved():
    base = pathlib.Path(BASE)
    p = (base / request.args["name"]).resolve()
    if not str(p).startswith(str(base)):
        return "bad", 400
    return p.read_text()  # negative: resolved and checked against the base directory


@app.route("/exists-then-delete", methods=["POST"])
def exists_then_delete():
    path = os.path.join(BASE, request.form["name"])
    if os.path.exists(path):  # negative here: one flaw, reported where the path is deleted
        os.remove(path)  # positive
    return "ok"


def cli_probe():
    import sys
    target = sys.argv[1]
    if os.path.isdir(target):  # negative: the local user probing their own file system
        return os.listdir(target)  # negative: the same
    return open(target).read()  # negative: a command-line tool opening the file its user names (reported with taint.report-sources = ["local"])


@app.route("/config-option")
def config_option():
    import configparser

    conf = configparser.ConfigParser()
    conf.add_section("files")
    conf.set("files", "default", "index.txt")
    conf.set("files", "chosen", request.args["name"])
    with open(f"{BASE}/{conf.get('files', 'default')}") as f:  # negative: the option set to a constant
        head = f.read()
    with open(f"{BASE}/{conf.get('files', 'chosen')}") as f:  # positive: the option set from the request
        return head + f.read()


@app.route("/dotdot-replaced")
def dotdot_replaced():
    name = request.args["name"].replace("../", "")
    with open(f"{BASE}/{name}") as f:  # positive: one pass turns '....//' into '../'
        return f.read()


@app.route("/file/<name>")
def file_by_name(name):
    return open(name).read()  # positive: one path segment still names any file of the working directory (.env)


@app.route("/number/<int:number>")
def file_by_number(number):
    return open(f"{BASE}/{number}.txt").read()  # negative: a number


@app.route("/upload", methods=["POST"])
def upload():
    upload = request.files["file"]
    upload.save(os.path.join(BASE, upload.filename))  # positive: the client names the file the upload is saved as
    return "ok"


@app.route("/upload/get", methods=["POST"])
def upload_get():
    upload = request.files.get("file")
    upload.save(os.path.join(BASE, secure_filename(upload.filename)))  # negative: a safe file name
    return "ok"


@app.route("/archive", methods=["POST"])
def archive():
    path = os.path.join(BASE, "incoming.tar")
    request.files["archive"].save(path)
    with tarfile.open(path) as tar:
        tar.extractall(BASE)  # positive: the uploaded archive, read back from where it was saved, may hold ../ members


@app.route("/archive/filtered", methods=["POST"])
def archive_filtered():
    path = os.path.join(BASE, "incoming.tar")
    request.files["archive"].save(path)
    with tarfile.open(path) as tar:
        tar.extractall(BASE, filter="data")  # negative: the data filter refuses members outside the directory


@app.route("/copy-mode")
def copy_mode():
    shutil.copymode("/srv/files/template", request.args["target"])  # positive: sets the mode of a file the client names
    return "ok"


@app.route("/common-prefix")
def common_prefix():
    path = os.path.join(BASE, request.args["name"])
    if os.path.commonprefix((os.path.realpath(path), BASE + "/")) != BASE + "/":
        return "no", 403
    return open(path).read()  # negative: the resolved path starts with the base directory


@app.route("/common-prefix-raw")
def common_prefix_raw():
    path = os.path.join(BASE, request.args["name"])
    if os.path.commonprefix((path, BASE + "/")) != BASE + "/":
        return "no", 403
    return open(path).read()  # positive: `BASE/../etc/passwd` starts with the base too
