from aiohttp import web
from jinja2 import Environment


env = Environment(autoescape=True)
CARD_TEMPLATE = "<div class='card'>{{ name }}</div>"


async def card(request):
    name = request.query["name"]
    template = env.from_string(CARD_TEMPLATE)  # safe: CWE-1336
    return web.Response(text=template.render(name=name), content_type="text/html")  # safe: CWE-79


def create_app():
    app = web.Application()
    app.router.add_get("/card", card)
    return app
