from flask import Flask, jsonify, request

import storage


app = Flask(__name__)


@app.route("/attachments/delete", methods=["POST"])
def delete_attachment():
    name = request.form["name"]
    removed = storage.delete_attachment("shared", name)
    return jsonify({"removed": removed})
