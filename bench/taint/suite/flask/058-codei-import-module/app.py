from flask import Flask, Response

import plugins


app = Flask(__name__)


@app.route("/export/<fmt>")
def export(fmt):
    exporter = plugins.load_exporter(fmt)
    return Response(exporter.render(), mimetype="text/plain")
