from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/items")
async def items(request):
    page = request.query.get("page", "")
    resp = web.json_response({"items": []})
    resp.headers["X-Page"] = str(int(page))  # safe: CWE-113
    return resp


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
