import codecs

from flask import Flask, Response, request


app = Flask(__name__)


@app.route("/i18n/catalogue")
def catalogue():
    locale = request.cookies.get("lang", "")
    with codecs.open(f"/srv/i18n/{locale}.po", "r", "utf-8") as fh:  # expect: CWE-22
        catalogue = fh.read()
    return Response(catalogue, mimetype="text/plain")
