import xml.etree.ElementTree as ET

from aiohttp import web


routes = web.RouteTableDef()


@routes.post("/sitemap/ids")
async def sitemap_ids(request):
    payload = await request.read()
    doc = ET.fromstring(payload)  # safe: CWE-611
    return web.json_response({"entries": [e.get("id") for e in doc.iter("entry")]})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
