from django.http import HttpResponse, HttpResponseBadRequest

from . import files


def download_export(request, name):
    try:
        data = files.read_export(name)
    except PermissionError:
        return HttpResponseBadRequest("invalid request")
    return HttpResponse(data.decode("utf-8", "replace"), content_type="text/plain")
