from fastapi import APIRouter, HTTPException
from fastapi.responses import PlainTextResponse

import plugins


router = APIRouter()


@router.get("/export/{fmt}")
def export(fmt: str):
    try:
        exporter = plugins.load_exporter(fmt)
    except LookupError:
        raise HTTPException(status_code=404, detail="not found")
    return PlainTextResponse(exporter.render())
