from flask import Flask, Response

import net


app = Flask(__name__)


@app.route("/whois/<domain>")
def whois(domain):
    record = net.whois(domain)
    return Response(record, mimetype="text/plain")
