from flask import Flask, jsonify

import services


app = Flask(__name__)


@app.route("/tickets/<ticket>/attachments/<path:name>")
def preview(ticket, name):
    preview = services.attachment_preview(ticket, name)
    return jsonify({"preview": preview.hex()})
