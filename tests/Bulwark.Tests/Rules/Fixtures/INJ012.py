# INJ012 unsafe-deserialization: request data deserialised by a loader that can run code.
import base64
import json
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/restore", methods=["POST"])
def restore():
    state = pickle.loads(base64.b64decode(request.form["state"]))  # positive: pickle
    return str(state)


@app.route("/config", methods=["POST"])
def config():
    return str(yaml.load(request.data, Loader=yaml.Loader))  # positive: yaml.load with a full loader


@app.route("/safe-yaml", methods=["POST"])
def safe_yaml():
    return str(yaml.load(request.data, Loader=yaml.SafeLoader))  # negative: SafeLoader


@app.route("/safe-load", methods=["POST"])
def safe_load():
    return str(yaml.safe_load(request.data))  # negative: safe_load


@app.route("/json", methods=["POST"])
def as_json():
    return str(json.loads(request.data))  # negative: JSON runs no code


@app.route("/settings/import", methods=["POST"])
def import_settings():
    upload = request.files["settings"]
    path = "/tmp/settings-" + str(len(upload.filename)) + ".yaml"
    upload.save(path)
    with open(path) as f:
        text = f.read()
    return str(yaml.load(text, Loader=yaml.Loader))  # positive: the upload, saved and read back from the same path


@app.route("/state/import", methods=["POST"])
def import_state():
    with open("/tmp/state.bin", "wb") as out:
        out.write(request.get_data())
    with open("/tmp/state.bin", "rb") as f:
        return str(pickle.load(f))  # positive: the request body written to the file read back


@app.route("/state/other", methods=["POST"])
def other_state():
    with open("/tmp/incoming.bin", "wb") as out:
        out.write(request.get_data())
    with open("/tmp/defaults.bin", "rb") as f:
        return str(pickle.load(f))  # negative: another file than the one written
