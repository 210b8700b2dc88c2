from fastapi import FastAPI, Form

import clients


app = FastAPI()


@app.post("/webhooks/test")
def test_webhook(callback: str = Form(...)):
    status = clients.send_event(callback, {"type": "ping"})
    return {"delivered": status == 200}
