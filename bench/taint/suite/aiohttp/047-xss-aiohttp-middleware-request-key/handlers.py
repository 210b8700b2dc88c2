from aiohttp import web


@web.middleware
async def locale_middleware(request, handler):
    request["locale"] = request.headers.get("Accept-Language", "en").split(",")[0]
    return await handler(request)


async def banner(request):
    locale = request["locale"]
    return web.Response(text=f"<p lang='{locale}'>Welcome</p>", content_type="text/html")  # expect: CWE-79


def create_app():
    app = web.Application(middlewares=[locale_middleware])
    app.router.add_get("/banner", banner)
    return app
