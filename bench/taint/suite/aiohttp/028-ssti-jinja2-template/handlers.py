from aiohttp import web

import rendering


routes = web.RouteTableDef()


@routes.post("/emails/preview")
async def email_preview(request):
    form = await request.post()
    source = form["template"]
    text = rendering.render_preview(source, customer="Ada", total="12.00")
    return web.Response(text=text)


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
