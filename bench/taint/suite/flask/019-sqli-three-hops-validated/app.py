from flask import Flask, abort, jsonify, request

import services


app = Flask(__name__)


@app.route("/events")
def events():
    action = request.args["action"]
    try:
        events = services.events_of_kind(action)
    except ValueError:
        abort(400)
    return jsonify({"events": events})
