import logging

from aiohttp import web


routes = web.RouteTableDef()

logger = logging.getLogger(__name__)


@routes.post("/login/failed")
async def login_failed(request):
    form = await request.post()
    username = form["username"]
    logger.info(f"login failed for user {username}")  # expect: CWE-117
    return web.json_response({"ok": False})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
