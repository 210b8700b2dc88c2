from flask import Flask, request

import rendering


app = Flask(__name__)


@app.route("/tags")
def tags():
    tags = request.args.get("tags", "")
    fragment = rendering.tag_list(tags)
    return fragment  # expect: CWE-79
