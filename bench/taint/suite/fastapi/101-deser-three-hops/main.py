from fastapi import APIRouter
from pydantic import BaseModel

import services


router = APIRouter()


class RestoreDraftRequest(BaseModel):
    blob: str


@router.post("/drafts/restore")
def restore_draft(payload: RestoreDraftRequest):
    blob = payload.blob
    draft = services.restore_draft(blob)
    return {"title": draft.get("title")}
