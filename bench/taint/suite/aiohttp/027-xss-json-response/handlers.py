from aiohttp import web


async def api_search(request):
    query = request.query["q"]
    return web.json_response({"query": query, "results": []})  # safe: CWE-79


def create_app():
    app = web.Application()
    app.router.add_get("/api/search", api_search)
    return app
