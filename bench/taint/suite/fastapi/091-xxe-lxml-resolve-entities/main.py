from fastapi import FastAPI, Request
from lxml import etree


app = FastAPI()


@app.post("/import/xml")
async def import_xml(request: Request):
    payload = await request.body()
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(payload, parser)  # expect: CWE-611
    return {"root": root.tag}
