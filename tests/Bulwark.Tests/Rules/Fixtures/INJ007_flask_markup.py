# INJ007 reflected-xss: Flask re-exported markupsafe's Markup (before Flask 3); `Markup.escape` escapes through that
# name too, and a file that imports only Flask gets no other model of it.
from flask import Flask, Markup, make_response, request

app = Flask(__name__)


@app.route("/escaped")
def escaped():
    param = request.args.get("param", "not set")
    param = Markup.escape(param)
    return make_response("<p>" + param + "</p>")  # no finding: escaped


@app.route("/raw")
def raw():
    param = request.args.get("param", "not set")
    return make_response("<p>" + param + "</p>")  # finding
