import logging

from fastapi import FastAPI, Form, Header


app = FastAPI()


@app.post("/password/reset")
def reset_password(email: str = Form(...), agent: str = Header("")):
    logging.warning("password reset requested for %s from %s", email, agent)  # expect: CWE-117
    return {"status": "ok"}
