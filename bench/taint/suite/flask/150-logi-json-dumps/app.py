import json
import logging

from flask import Flask, request


app = Flask(__name__)

logger = logging.getLogger(__name__)


@app.route("/profile", methods=["POST"])
def update_profile():
    nickname = request.form["nickname"]
    bio = request.form["bio"]
    logger.info("profile update: %s", json.dumps({"nickname": nickname, "bio": bio}))  # safe: CWE-117
    return {"status": "ok"}
