import sqlite3

from aiohttp import web


routes = web.RouteTableDef()

DB_PATH = "app.db"


@routes.get("/users")
async def user_detail(request):
    username = request.headers.get("X-Username", "")
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute("SELECT id, email FROM users WHERE username = ?", (username,))  # safe: CWE-89
    rows = cursor.fetchall()
    return web.json_response({"users": rows})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
