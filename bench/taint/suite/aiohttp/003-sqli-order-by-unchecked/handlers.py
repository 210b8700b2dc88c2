import sqlite3

from aiohttp import web


DB_PATH = "app.db"


async def members(request):
    sort = request.query["sort"]
    descending = request.query["descending"]
    direction = "DESC" if descending == "1" else "ASC"
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, name FROM members ORDER BY {sort} {direction}")  # expect: CWE-89
    rows = cursor.fetchall()
    return web.json_response({"members": rows})


def create_app():
    app = web.Application()
    app.router.add_get("/members", members)
    return app
