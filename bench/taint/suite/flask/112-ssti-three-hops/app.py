from flask import Flask, jsonify, request

import services


app = Flask(__name__)


@app.route("/notifications/preview", methods=["POST"])
def preview_subject():
    subject = request.form["subject"]
    subject = services.notification_preview(subject, {"name": "Ada"})
    return jsonify({"subject": subject})
