import asyncio

from aiohttp import web


async def traceroute(request):
    target = request.match_info["target"]
    proc = await asyncio.create_subprocess_exec(  # safe: CWE-78
        "traceroute", "-m", "10", "--", target,
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await proc.communicate()
    return web.Response(text=out.decode())


def create_app():
    app = web.Application()
    app.router.add_get("/net/traceroute/{target}", traceroute)
    return app
