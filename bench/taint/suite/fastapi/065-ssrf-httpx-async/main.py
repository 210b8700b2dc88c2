import httpx
from fastapi import APIRouter
from pydantic import BaseModel


router = APIRouter()


class ProbeImageRequest(BaseModel):
    image_url: str


@router.post("/images/probe")
async def probe_image(payload: ProbeImageRequest):
    image_url = payload.image_url
    async with httpx.AsyncClient(timeout=5) as client:
        resp = await client.get(image_url)  # expect: CWE-918
    return {"content_type": resp.headers.get("content-type")}
