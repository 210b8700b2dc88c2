import subprocess

from aiohttp import web


REPO_DIR = "/srv/repos/main"


async def repo_log(request):
    ref = request.query["ref"]
    result = subprocess.run(  # safe: CWE-78
        ["git", "log", "--oneline", "-n", "20", "--", ref],
        capture_output=True,
        text=True,
        cwd=REPO_DIR,
        check=False,
    )
    return web.Response(text=result.stdout)


def create_app():
    app = web.Application()
    app.router.add_get("/repos/log", repo_log)
    return app
