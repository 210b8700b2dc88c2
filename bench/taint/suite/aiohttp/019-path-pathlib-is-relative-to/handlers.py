from pathlib import Path

from aiohttp import web


CONTENT_ROOT = Path("/srv/content").resolve()


async def page_source(request):
    slug = request.match_info["slug"]
    page = (CONTENT_ROOT / slug).resolve()
    if not page.is_relative_to(CONTENT_ROOT):
        raise web.HTTPNotFound()
    markdown = page.read_text(encoding="utf-8")  # safe: CWE-22
    return web.Response(text=markdown)


def create_app():
    app = web.Application()
    app.router.add_get("/pages/{slug:.+}", page_source)
    return app
