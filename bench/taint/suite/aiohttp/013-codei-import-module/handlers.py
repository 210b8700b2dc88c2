from aiohttp import web

import plugins


async def export(request):
    fmt = request.match_info["fmt"]
    exporter = plugins.load_exporter(fmt)
    return web.Response(text=exporter.render())


def create_app():
    app = web.Application()
    app.router.add_get("/export/{fmt}", export)
    return app
