import logging

from flask import Flask, jsonify, request


app = Flask(__name__)

logger = logging.getLogger(__name__)


@app.route("/login/failed", methods=["POST"])
def login_failed():
    username = request.form["username"]
    logger.info(f"login failed for user {username}")  # expect: CWE-117
    return jsonify({"ok": False})
