import ast

from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/geo/point")
async def parse_point(request):
    coords = request.query.get("coords", "")
    try:
        point = ast.literal_eval(coords)  # safe: CWE-94
    except (ValueError, SyntaxError):
        raise web.HTTPBadRequest(text="invalid request")
    return web.json_response({"x": point[0], "y": point[1]})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
