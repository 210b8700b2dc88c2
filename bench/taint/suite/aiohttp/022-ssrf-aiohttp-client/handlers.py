import aiohttp
from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/preview")
async def preview(request):
    target = request.query.get("target", "")
    async with aiohttp.ClientSession() as session:
        async with session.get(target) as resp:  # expect: CWE-918
            text = await resp.text()
    return web.Response(text=text[:1000])


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
