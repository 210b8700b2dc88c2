import os

from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/diagnostics/ping")
async def ping(request):
    host = request.query.get("host", "")
    status = os.system(f"ping -c 3 {host} > /dev/null")  # expect: CWE-78
    return web.json_response({"reachable": status == 0})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
