from flask import Flask, Response, request


app = Flask(__name__)


@app.route("/preview/title")
def title_preview():
    title = request.args["title"]
    return Response("<title>" + title + "</title>", mimetype="text/html")  # expect: CWE-79
