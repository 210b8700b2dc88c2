import httpx
from aiohttp import web


async def probe_image(request):
    data = await request.json()
    image_url = data["image_url"]
    async with httpx.AsyncClient(timeout=5) as client:
        resp = await client.get(image_url)  # expect: CWE-918
    return web.json_response({"content_type": resp.headers.get("content-type")})


def create_app():
    app = web.Application()
    app.router.add_post("/images/probe", probe_image)
    return app
