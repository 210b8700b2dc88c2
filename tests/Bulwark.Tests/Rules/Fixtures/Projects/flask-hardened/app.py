import hmac
import logging
import os
import ssl

import jwt
from argon2 import PasswordHasher
from flask import Flask, jsonify, request
from flask_cors import CORS

import audit
from config import ProductionConfig

app = Flask(__name__)
app.config.from_object(ProductionConfig)
app.secret_key = os.environ["FLASK_SECRET_KEY"]
app.config.update(SESSION_COOKIE_SECURE=True, SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
CORS(app, origins=["https://app.example.com"], supports_credentials=True)
log = logging.getLogger(__name__)
hasher = PasswordHasher()


@app.route("/login", methods=["POST"])
def login():
    password = request.form["password"]
    stored = load_hash(request.form["user"])
    if verify(stored, password):
        token = jwt.encode({"user": request.form["user"]}, app.config["JWT_KEY"], algorithm="HS256")
        return jsonify(token=token)
    log.warning("failed login for %s", request.form["user"])
    return jsonify(error="denied"), 401


def verify(stored, password):
    try:
        return hasher.verify(stored, password)
    except Exception:
        return False


@app.route("/reset", methods=["POST"])
def reset():
    new_password = request.form["new_password"]
    audit.record("reset", f"password of {request.form['user']} reset ({len(new_password)} characters)")
    audit.record("card", "card on file: " + audit.mask_card(request.form["card_number"]))
    audit.record("login", f"verified: {verify(load_hash(request.form['user']), new_password)}")
    return jsonify(ok=True)


@app.route("/webhook", methods=["POST"])
def webhook():
    signature = request.headers["X-Signature"]
    if not hmac.compare_digest(signature, compute_signature(request.data)):
        return "bad signature", 403
    try:
        return process(request.json)
    except ValueError as e:
        return jsonify(error=str(e)), 400
    except Exception:
        log.exception("webhook failed")
        return jsonify(error="internal error"), 500


def fetch_partner_data():
    ctx = ssl.create_default_context()
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


if __name__ == "__main__":
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
