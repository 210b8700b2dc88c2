from aiohttp import web

import directory


async def member_groups(request):
    member = request.query["member"]
    groups = directory.groups_of(member)
    return web.json_response({"groups": groups})


def create_app():
    app = web.Application()
    app.router.add_get("/groups", member_groups)
    return app
