from aiohttp import web

import files


routes = web.RouteTableDef()


@routes.get("/exports/{name}")
async def download_export(request):
    name = request.match_info["name"]
    try:
        data = files.read_export(name)
    except PermissionError:
        raise web.HTTPBadRequest(text="invalid request")
    return web.Response(text=data.decode("utf-8", "replace"))


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
