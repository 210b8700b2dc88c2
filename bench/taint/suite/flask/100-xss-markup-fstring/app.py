from flask import Flask, request

import rendering


app = Flask(__name__)


@app.route("/badge")
def badge():
    label = request.args.get("label", "")
    html = rendering.badge(label)
    return str(html)  # expect: CWE-79
