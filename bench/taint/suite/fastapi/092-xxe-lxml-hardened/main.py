from fastapi import APIRouter, Request
from lxml import etree


router = APIRouter()

SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@router.post("/import/xml")
async def import_xml(request: Request):
    payload = await request.body()
    root = etree.fromstring(payload, SAFE_PARSER)  # safe: CWE-611
    return {"items": len(root)}
