import hashlib
import pickle
import random
import subprocess
import subprocess as sp

import requests
import yaml
from flask import request, render_template_string

from app import app, db


@app.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    output = subprocess.check_output("ping -c 1 " + host, shell=True)  # expect: CWE-78
    return output


@app.route("/convert", methods=["POST"])
def convert():
    upload = request.files["image"].filename
    sp.run(f"convert {upload} /tmp/out.png", shell=True)  # expect: CWE-78
    return "ok"


@app.route("/user")
def user():
    return {"rows": db.find_user(request.args["name"])}


@app.route("/restore", methods=["POST"])
def restore():
    state = pickle.loads(request.data)  # expect: CWE-502
    return {"restored": len(state)}


@app.route("/import", methods=["POST"])
def import_config():
    config = yaml.load(request.data)  # expect: CWE-502
    return {"keys": list(config)}


@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    return render_template_string("<h1>Hello " + name + "</h1>")  # expect: CWE-1336


@app.route("/fetch")
def fetch():
    url = request.args["url"]
    return requests.get(url, verify=False).text  # expect: CWE-918, expect: CWE-79


def password_digest(password):
    return hashlib.md5(password.encode()).hexdigest()


def new_reset_token():
    token = "".join(random.choice("abcdef0123456789") for _ in range(32))
    return token


def run_report():
    subprocess.run("uptime", shell=True)  # nosec B602 -- fixed command, reviewed
    return eval("1 + 1")  # safe: CWE-94


if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)
