import logging

from aiohttp import web

import utils


logger = logging.getLogger(__name__)


async def search(request):
    term = request.query["q"]
    logger.info("search for %s", utils.single_line(term))  # safe: CWE-117
    return web.json_response({"results": []})


def create_app():
    app = web.Application()
    app.router.add_get("/search", search)
    return app
