import os

from flask import Flask, request, send_from_directory


app = Flask(__name__)


@app.route("/avatars")
def avatar():
    owner = request.args["user"]
    directory = os.path.join("/srv/users", owner)
    return send_from_directory(directory, "avatar.png")  # expect: CWE-22
