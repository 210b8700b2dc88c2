from fastapi import APIRouter, UploadFile

import archive


router = APIRouter()


@router.post("/themes")
def install_theme(theme: UploadFile):
    count = archive.install_theme(theme.file)
    return {"files": count}
