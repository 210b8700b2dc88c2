from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/hello")
async def hello(request):
    name = request.query.get("name", "")
    return web.Response(text=f"<html><body><h1>Hello, {name}!</h1></body></html>", content_type="text/html")  # expect: CWE-79


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
