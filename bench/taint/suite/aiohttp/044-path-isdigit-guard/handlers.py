from aiohttp import web


routes = web.RouteTableDef()


@routes.get("/invoices/{number}/size")
async def invoice_size(request):
    number = request.match_info["number"]
    if not number.isdigit():
        raise web.HTTPNotFound()
    with open(f"/srv/invoices/{number}.pdf", "rb") as fh:  # safe: CWE-22
        pdf = fh.read()
    return web.json_response({"size": len(pdf)})


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
