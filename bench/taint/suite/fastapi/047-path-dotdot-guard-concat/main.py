from fastapi import APIRouter, HTTPException


router = APIRouter()

MEDIA_ROOT = "/srv/media"


@router.get("/media/{relpath:path}")
def media_info(relpath: str):
    if ".." in relpath or relpath.startswith("/"):
        raise HTTPException(status_code=400, detail="invalid request")
    with open(f"{MEDIA_ROOT}/{relpath}", "rb") as fh:  # safe: CWE-22
        data = fh.read()
    return {"bytes": len(data)}
