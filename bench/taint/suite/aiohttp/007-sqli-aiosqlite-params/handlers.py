import aiosqlite
from aiohttp import web


DB_PATH = "app.db"


async def messages(request):
    channel = request.match_info["channel"]
    async with aiosqlite.connect(DB_PATH) as db:
        async with db.execute("SELECT id, body FROM messages WHERE channel = ?", (channel,)) as cursor:  # safe: CWE-89
            rows = await cursor.fetchall()
    return web.json_response({"messages": rows})


def create_app():
    app = web.Application()
    app.router.add_get("/channels/{channel}", messages)
    return app
