from flask import Flask, jsonify, request

import archive


app = Flask(__name__)


@app.route("/imports", methods=["POST"])
def import_bundle():
    names = archive.unpack(request.files["bundle"].stream)
    return jsonify({"files": names})
