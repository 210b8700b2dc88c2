from aiohttp import web


routes = web.RouteTableDef()

REPORTS_DIR = "/srv/reports"


@routes.get("/reports/{report:.+}")
async def report_file(request):
    report = request.match_info["report"]
    path = REPORTS_DIR + "/" + report
    return web.FileResponse(path)  # expect: CWE-22


def create_app():
    app = web.Application()
    app.add_routes(routes)
    return app
