import pickle

from aiohttp import web


async def restore_state(request):
    payload = await request.read()
    state = pickle.loads(payload)  # expect: CWE-502
    return web.json_response({"keys": sorted(state)})


def create_app():
    app = web.Application()
    app.router.add_post("/state/restore", restore_state)
    return app
