import html

from aiohttp import web


async def search(request):
    term = request.query["q"]
    safe_term = html.escape(term)
    return web.Response(text=f"<p>No results for <b>{safe_term}</b></p>", content_type="text/html")  # safe: CWE-79


def create_app():
    app = web.Application()
    app.router.add_get("/search", search)
    return app
