from aiohttp import web

import shell


async def share_usage(request):
    share = request.query["share"]
    usage = shell.disk_usage(share)
    return web.Response(text=usage)


def create_app():
    app = web.Application()
    app.router.add_get("/usage", share_usage)
    return app
