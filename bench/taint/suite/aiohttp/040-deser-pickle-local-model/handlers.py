import pickle

from aiohttp import web


routes = web.RouteTableDef()

MODEL_PATH = "/srv/models/risk.pkl"


@routes.get("/risk")
async def risk_score(request):
    amount = request.query.get("amount", "")
    age = request.query.get("age", "")
    with open(MODEL_PATH, "rb") as fh:
        model = pickle.load(fh)  # safe: CWE-502
    score = model.predict([[float(amount), float(age)]])[0]
    return web.json_response({"score": float(score)})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
