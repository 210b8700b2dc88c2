from fastapi import FastAPI

import services


app = FastAPI()


@app.get("/tickets/{ticket}/attachments/{name:path}")
def preview(ticket: str, name: str):
    preview = services.attachment_preview(ticket, name)
    return {"preview": preview.hex()}
