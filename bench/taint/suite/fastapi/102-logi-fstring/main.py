import logging

from fastapi import FastAPI, Form


app = FastAPI()

logger = logging.getLogger(__name__)


@app.post("/login/failed")
def login_failed(username: str = Form(...)):
    logger.info(f"login failed for user {username}")  # expect: CWE-117
    return {"ok": False}
