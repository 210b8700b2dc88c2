import logging

from flask import Flask, request


app = Flask(__name__)

logger = logging.getLogger(__name__)


@app.route("/plan", methods=["POST"])
def change_plan():
    user = request.form.get("user", "")
    plan = request.form.get("plan", "")
    clean_user = user.replace("\n", "").replace("\r", "")
    logger.warning("user %s changed plan to %s", clean_user, plan)  # expect: CWE-117
    return {"status": "ok"}
