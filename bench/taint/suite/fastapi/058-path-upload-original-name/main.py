import os

from fastapi import FastAPI, UploadFile


app = FastAPI()

UPLOAD_DIR = "/var/app/uploads"


@app.post("/upload")
async def upload(document: UploadFile):
    with open(os.path.join(UPLOAD_DIR, document.filename), "wb") as out:  # expect: CWE-22
        out.write(await document.read())
    return {"status": "ok"}
