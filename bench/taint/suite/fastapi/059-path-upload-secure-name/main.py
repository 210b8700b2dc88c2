import os
import uuid

from fastapi import APIRouter, UploadFile


router = APIRouter()

UPLOAD_DIR = "/var/app/uploads"


@router.post("/upload")
async def upload(document: UploadFile):
    stored = uuid.uuid4().hex + ".bin"
    with open(os.path.join(UPLOAD_DIR, stored), "wb") as out:  # safe: CWE-22
        out.write(await document.read())
    return {"id": stored, "original": document.filename}
