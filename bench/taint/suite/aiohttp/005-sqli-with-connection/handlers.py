import sqlite3

from aiohttp import web


DB_PATH = "app.db"


async def speaker(request):
    handle = request.match_info["handle"]
    with sqlite3.connect(DB_PATH) as conn:
        row = conn.execute("SELECT name, bio FROM speakers WHERE handle = '%s'" % handle).fetchone()  # expect: CWE-89
    if row is None:
        raise web.HTTPNotFound()
    return web.json_response({"name": row[0], "bio": row[1]})


def create_app():
    app = web.Application()
    app.router.add_get("/speakers/{handle}", speaker)
    return app
