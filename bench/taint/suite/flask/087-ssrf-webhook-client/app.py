from flask import Flask, jsonify, request

import clients


app = Flask(__name__)


@app.route("/webhooks/test", methods=["POST"])
def test_webhook():
    callback = request.form.get("callback_url", "")
    status = clients.send_event(callback, {"type": "ping"})
    return jsonify({"delivered": status == 200})
