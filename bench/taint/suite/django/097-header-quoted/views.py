import urllib.parse

from django.http import HttpResponse


def export_csv(request):
    filename = request.GET["name"]
    resp = HttpResponse("id,name\n", content_type="text/csv")
    resp["Content-Disposition"] = "attachment; filename*=UTF-8''" + urllib.parse.quote(filename)  # safe: CWE-113
    return resp
