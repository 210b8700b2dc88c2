import requests
from aiohttp import web


STATUS_PAGES = {
    "github": "https://www.githubstatus.com",
    "slack": "https://status.slack.com",
}


async def service_status(request):
    service = request.match_info["service"]
    base = STATUS_PAGES.get(service)
    if base is None:
        raise web.HTTPNotFound()
    resp = requests.get(base + "/api/v2/status.json", timeout=5)  # safe: CWE-918
    return web.json_response(resp.json())


def create_app():
    app = web.Application()
    app.router.add_get("/status/{service}", service_status)
    return app
