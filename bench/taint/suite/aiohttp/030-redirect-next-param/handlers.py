from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/login/done")
async def after_login(request):
    next_url = request.query.get("next", "")
    target = next_url or "/"
    raise web.HTTPFound(target)  # expect: CWE-601


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
