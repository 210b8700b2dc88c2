from flask import Flask, Response, request

import shell


app = Flask(__name__)


@app.route("/usage")
def share_usage():
    share = request.args.get("share", "")
    usage = shell.disk_usage(share)
    return Response(usage, mimetype="text/plain")
