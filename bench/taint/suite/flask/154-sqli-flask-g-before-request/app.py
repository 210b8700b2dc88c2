from flask import Flask, g, request

import db


app = Flask(__name__)


@app.before_request
def load_tenant():
    g.tenant = request.headers.get("X-Tenant", "public")


@app.route("/dashboard")
def dashboard():
    return {"widgets": db.widgets_for(g.tenant)}
