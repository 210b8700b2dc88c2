import os

from flask import Flask, Response, request


app = Flask(__name__)


@app.route("/dns")
def lookup():
    domain = request.args["domain"]
    with os.popen("nslookup " + domain) as pipe:  # expect: CWE-78
        answer = pipe.read()
    return Response(answer, mimetype="text/plain")
