from flask import Flask, redirect, request


app = Flask(__name__)


@app.route("/continue")
def continue_to():
    dest = request.args.get("dest", "")
    if not dest.startswith("/"):
        dest = "/"
    return redirect(dest)  # expect: CWE-601
