from aiohttp import web
from lxml import etree


routes = web.RouteTableDef()

USERS = etree.parse("users.xml")
FIND_USER = etree.XPath("//user[@name = $name]")


@routes.get("/users/exists")
async def user_exists(request):
    name = request.query.get("name", "")
    matches = FIND_USER(USERS, name=name)  # safe: CWE-643
    return web.json_response({"exists": bool(matches)})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
