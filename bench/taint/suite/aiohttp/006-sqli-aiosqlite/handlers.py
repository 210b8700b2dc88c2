import aiosqlite
from aiohttp import web


routes = web.RouteTableDef()

DB_PATH = "app.db"


@routes.get("/messages")
async def messages(request):
    channel = request.query.get("channel", "")
    async with aiosqlite.connect(DB_PATH) as db:
        async with db.execute(f"SELECT id, body FROM messages WHERE channel = '{channel}'") as cursor:  # expect: CWE-89
            rows = await cursor.fetchall()
    return web.json_response({"messages": rows})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
