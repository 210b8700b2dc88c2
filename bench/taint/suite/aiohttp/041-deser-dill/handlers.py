import dill
from aiohttp import web


async def run_task(request):
    data = await request.json()
    encoded = data["task"]
    task = dill.loads(bytes.fromhex(encoded))  # expect: CWE-502
    return web.json_response({"task": repr(task)[:80]})


def create_app():
    app = web.Application()
    app.router.add_post("/tasks", run_task)
    return app
