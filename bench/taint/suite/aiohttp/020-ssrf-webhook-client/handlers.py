from aiohttp import web

import clients


routes = web.RouteTableDef()


@routes.post("/webhooks/test")
async def test_webhook(request):
    data = await request.json()
    callback = data["callback_url"]
    status = clients.send_event(callback, {"type": "ping"})
    return web.json_response({"delivered": status == 200})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
