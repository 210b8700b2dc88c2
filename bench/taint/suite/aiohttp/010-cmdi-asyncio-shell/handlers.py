import asyncio

from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/net/traceroute")
async def traceroute(request):
    target = request.query.get("target", "")
    proc = await asyncio.create_subprocess_shell(  # expect: CWE-78
        f"traceroute -m 10 {target}",
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return web.Response(text=out.decode())


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
