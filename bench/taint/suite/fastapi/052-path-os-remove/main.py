from fastapi import FastAPI, Form

import storage


app = FastAPI()


@app.post("/attachments/delete")
def delete_attachment(name: str = Form(...)):
    removed = storage.delete_attachment("shared", name)
    return {"removed": removed}
