from flask import Flask, Response, request


app = Flask(__name__)


@app.route("/help")
def command_help():
    command = request.args["cmd"]
    return Response(f"Unknown command: {command}\nTry 'help'.", mimetype="text/plain")  # safe: CWE-79
