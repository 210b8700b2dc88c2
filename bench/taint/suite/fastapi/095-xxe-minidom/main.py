from xml.dom import minidom

from fastapi import APIRouter, Request


router = APIRouter()


@router.post("/xml/root")
async def xml_root(request: Request):
    payload = await request.body()
    dom = minidom.parseString(payload)  # safe: CWE-611
    return {"root": dom.documentElement.tagName}
