from aiohttp import web

import queries


routes = web.RouteTableDef()


@routes.get("/books/search")
async def search_books(request):
    term = request.query.get("term", "")
    sort = request.query.get("sort", "")
    rows = queries.run(queries.Search(term=term, sort=sort))
    return web.json_response({"books": rows})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
