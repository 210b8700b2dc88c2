from flask import Flask, redirect, request, url_for


app = Flask(__name__)


@app.route("/login/done")
def after_login():
    next_url = request.args.get("next", "")
    session_hint = next_url[:50]
    return redirect(url_for("dashboard", hint=session_hint))  # safe: CWE-601
