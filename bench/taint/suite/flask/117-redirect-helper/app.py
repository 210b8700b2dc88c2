from flask import Flask, redirect, request

import auth


app = Flask(__name__)


@app.route("/login/complete")
def login_complete():
    return_to = request.args["return_to"]
    return redirect(auth.landing_page(return_to))  # expect: CWE-601
