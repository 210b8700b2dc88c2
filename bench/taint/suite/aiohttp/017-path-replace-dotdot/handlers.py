from aiohttp import web


LOG_DIR = "/var/log/app"


async def log_tail(request):
    filename = request.match_info["filename"]
    cleaned = filename.replace("../", "")
    with open(LOG_DIR + "/" + cleaned, encoding="utf-8") as fh:  # expect: CWE-22
        tail = fh.readlines()[-100:]
    return web.Response(text="".join(tail))


def create_app():
    app = web.Application()
    app.router.add_get("/logs/{filename:.+}", log_tail)
    return app
