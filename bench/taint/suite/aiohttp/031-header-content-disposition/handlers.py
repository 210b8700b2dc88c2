from aiohttp import web


def export_rows():
    return "id,name\n1,Ada\n2,Grace\n"


async def export_csv(request):
    filename = request.query["name"]
    resp = web.Response(text=export_rows(), content_type="text/csv")
    resp.headers["Content-Disposition"] = f"attachment; filename={filename}"  # expect: CWE-113
    return resp


def create_app():
    app = web.Application()
    app.router.add_get("/export.csv", export_csv)
    return app
