import hashlib, hmac  # hmac: webhooks are signed
import logging
import ssl
import traceback

import jwt
from flask import Flask, jsonify, request
from flask_cors import CORS

import audit
from config import ProductionConfig

app = Flask(__name__)
app.config.from_object(ProductionConfig)
app.secret_key = "dev"  # expect: BW105
app.config["JWT_SECRET_KEY"] = "jwt-key"  # expect: BW805
app.debug = True  # expect: CFG201
app.config.update(SESSION_COOKIE_SAMESITE="None")  # expect: CFG202
CORS(app, supports_credentials=True)  # expect: CFG204
log = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    password = request.form["password"]
    stored = load_hash(request.form["user"])
    if hashlib.sha512(password.encode()).hexdigest() == stored:  # expect: AUTH001 AUTH003
        token = jwt.encode({"user": request.form["user"]}, "s3cr3t-signing-key", algorithm="HS256")  # expect: BW805
        return jsonify(token=token)
    log.warning("failed login with password %s", password)  # expect: LOG001
    return jsonify(error="denied"), 401


@app.route("/reset", methods=["POST"])
def reset():
    new_password = request.form["new_password"]
    message = f"password of {request.form['user']} reset to {new_password}"
    audit.record("reset", message)
    return jsonify(ok=True)


@app.route("/webhook", methods=["POST"])
def webhook():
    signature = request.headers["X-Signature"]
    expected_signature = compute_signature(request.data)
    if signature != expected_signature:  # expect: AUTH003
        return "bad signature", 403
    try:
        return process(request.json)
    except Exception as e:
        return jsonify(error=str(e)), 500  # expect: CFG402


def fetch_partner_data():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: CRY002
    ctx.verify_mode = ssl.CERT_NONE  # expect: CRY002
    ctx.minimum_version = ssl.TLSVersion.TLSv1  # expect: CRY003
    return ctx


if __name__ == "__main__":
    app.run(debug=True)  # expect: B201
