import os

from fastapi import APIRouter, Form
from werkzeug.utils import secure_filename


router = APIRouter()

UPLOAD_DIR = "/var/app/notes"


@router.post("/notes")
def save_note(filename: str = Form(...), content: str = Form(...)):
    target = os.path.join(UPLOAD_DIR, secure_filename(filename))
    with open(target, "w", encoding="utf-8") as fh:  # safe: CWE-22
        fh.write(content)
    return {"saved": os.path.basename(target)}
