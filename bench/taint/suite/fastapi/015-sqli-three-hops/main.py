from fastapi import FastAPI, Form

import services


app = FastAPI()


@app.post("/audit")
def audit(actor: str = Form(...)):
    events = services.audit_trail(actor)
    return {"events": events}
