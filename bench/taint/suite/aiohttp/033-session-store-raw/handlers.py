from aiohttp import web
from aiohttp_session import get_session


async def claim_cart(request):
    data = await request.json()
    owner = data["owner"]
    session = await get_session(request)
    session["cart_owner"] = owner  # expect: CWE-501
    return web.json_response({"status": "ok"})


def create_app():
    app = web.Application()
    app.router.add_post("/cart/claim", claim_cart)
    return app
