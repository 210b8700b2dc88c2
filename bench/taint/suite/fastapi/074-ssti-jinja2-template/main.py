from fastapi import APIRouter
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel

import rendering


router = APIRouter()


class EmailPreviewRequest(BaseModel):
    template: str


@router.post("/emails/preview")
def email_preview(payload: EmailPreviewRequest):
    source = payload.template
    text = rendering.render_preview(source, customer="Ada", total="12.00")
    return PlainTextResponse(text)
