from flask import Flask, jsonify, request

import jobs


app = Flask(__name__)


@app.route("/workers/start", methods=["POST"])
def start_worker():
    runner = request.form.get("runner", "")
    pid = jobs.run_detached(runner, "--queue", "default")
    return jsonify({"pid": pid})
