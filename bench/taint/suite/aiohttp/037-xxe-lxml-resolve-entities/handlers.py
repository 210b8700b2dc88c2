from aiohttp import web
from lxml import etree


async def import_xml(request):
    payload = await request.read()
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(payload, parser)  # expect: CWE-611
    return web.json_response({"root": root.tag})


def create_app():
    app = web.Application()
    app.router.add_post("/import/xml", import_xml)
    return app
