from fastapi import FastAPI
from pydantic import BaseModel

import services


app = FastAPI()


class ExportFolderRequest(BaseModel):
    folder: str


@app.post("/export")
def export_folder(payload: ExportFolderRequest):
    folder = payload.folder
    path = services.archive_folder(folder)
    return {"archive": path}
