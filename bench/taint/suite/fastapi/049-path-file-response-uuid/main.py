import uuid

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse


app = FastAPI()

STORE = "/srv/blobstore"


@app.get("/blobs/{key}")
def blob(key: str):
    try:
        file_id = uuid.UUID(key)
    except ValueError:
        raise HTTPException(status_code=404, detail="not found")
    return FileResponse(f"{STORE}/{file_id}.bin")  # safe: CWE-22
