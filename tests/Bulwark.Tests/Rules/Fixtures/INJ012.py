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
