import rules
from aiohttp import web


routes = web.RouteTableDef()


@routes.post("/rules/match")
async def match_rule(request):
    data = await request.json()
    condition = data["condition"]
    matched = rules.evaluate(condition, {"age": 30, "country": "NL"})
    return web.json_response({"matched": matched})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
