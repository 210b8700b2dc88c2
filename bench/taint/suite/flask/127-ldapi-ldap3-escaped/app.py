from flask import Flask, jsonify, request

import directory


app = Flask(__name__)


@app.route("/people/by-mail")
def by_mail():
    mail = request.args["mail"]
    uids = directory.lookup_mail(mail)
    return jsonify({"uids": uids})
