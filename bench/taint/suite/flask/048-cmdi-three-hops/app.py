from flask import Flask, jsonify, request

import services


app = Flask(__name__)


@app.route("/export", methods=["POST"])
def export_folder():
    folder = request.get_json()["folder"]
    path = services.archive_folder(folder)
    return jsonify({"archive": path})
