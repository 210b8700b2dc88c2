from flask import Flask, request

import archive


app = Flask(__name__)


@app.route("/themes", methods=["POST"])
def install_theme():
    archive.install_theme(request.files["theme"])
    return {"status": "ok"}
