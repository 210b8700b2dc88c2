from aiohttp import web

import services


routes = web.RouteTableDef()


@routes.get("/audit")
async def audit(request):
    actor = request.query.get("actor", "")
    events = services.audit_trail(actor)
    return web.json_response({"events": events})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
