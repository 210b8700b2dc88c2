from flask import Flask, abort, request, session


app = Flask(__name__)

LANGUAGES = {"en", "de", "fr", "nl"}


@app.route("/lang")
def set_language():
    lang = request.args["lang"]
    if lang not in LANGUAGES:
        abort(400)
    session["lang"] = lang  # safe: CWE-501
    return {"status": "ok"}
