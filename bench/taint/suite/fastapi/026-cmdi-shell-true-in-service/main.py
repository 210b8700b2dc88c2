from fastapi import APIRouter, Form

import services


router = APIRouter()


@router.post("/images/thumbnail")
def thumbnail(name: str = Form(...)):
    thumb = services.make_thumbnail(name)
    return {"thumbnail": thumb}
