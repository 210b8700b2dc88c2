from flask import Flask, jsonify

import services


app = Flask(__name__)


@app.route("/audit/<actor>")
def audit(actor):
    events = services.audit_trail(actor)
    return jsonify({"events": events})
