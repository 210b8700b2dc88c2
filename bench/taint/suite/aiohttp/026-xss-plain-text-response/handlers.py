from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/help")
async def command_help(request):
    command = request.query.get("cmd", "")
    return web.Response(text=f"Unknown command: {command}\nTry 'help'.")  # safe: CWE-79


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
