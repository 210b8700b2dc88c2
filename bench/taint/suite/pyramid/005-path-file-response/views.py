import os

from pyramid.response import FileResponse
from pyramid.view import view_config

EXPORTS = "/srv/exports"


@view_config(route_name="export")
def export(request):
    name = request.GET["name"]
    if request.GET.get("strict"):
        return FileResponse(os.path.join(EXPORTS, os.path.basename(name)), request=request)  # safe: CWE-22
    return FileResponse(os.path.join(EXPORTS, name), request=request)  # expect: CWE-22
