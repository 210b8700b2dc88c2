import os

from flask import Flask, jsonify, request


app = Flask(__name__)

DEBUG_SHELL = False


@app.route("/echo", methods=["POST"])
def echo():
    message = request.form["message"]
    if DEBUG_SHELL:
        os.system("echo " + message + " >> /tmp/debug.log")  # safe: CWE-78
    return jsonify({"length": len(message)})
