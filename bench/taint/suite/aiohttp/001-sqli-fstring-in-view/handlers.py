import sqlite3

from aiohttp import web


DB_PATH = "app.db"


async def list_products(request):
    category = request.match_info["category"]
    conn = sqlite3.connect(DB_PATH)
    cursor = conn.cursor()
    cursor.execute(f"SELECT id, title, price FROM products WHERE category = '{category}'")  # expect: CWE-89
    rows = cursor.fetchall()
    return web.json_response({"products": rows})


def create_app():
    app = web.Application()
    app.router.add_get("/products/{category}", list_products)
    return app
