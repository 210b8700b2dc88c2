import os

from aiohttp import web


DOCS_DIR = "/srv/app/docs"


async def read_doc(request):
    name = request.query["name"]
    with open(os.path.join(DOCS_DIR, name), encoding="utf-8") as fh:  # expect: CWE-22
        text = fh.read()
    return web.Response(text=text)


def create_app():
    app = web.Application()
    app.router.add_get("/docs", read_doc)
    return app
