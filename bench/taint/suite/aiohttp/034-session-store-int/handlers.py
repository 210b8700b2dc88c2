from aiohttp import web
from aiohttp_session import get_session


routes = web.RouteTableDef()


@routes.get("/cart/size")
async def cart_size(request):
    size = request.query.get("size", "")
    session = await get_session(request)
    session["cart_size"] = int(size)  # safe: CWE-501
    return web.json_response({"status": "ok"})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
