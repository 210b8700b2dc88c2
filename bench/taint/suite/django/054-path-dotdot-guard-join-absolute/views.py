import os

from django.http import HttpResponseBadRequest, JsonResponse


MEDIA_ROOT = "/srv/media"


def media_info(request):
    relpath = request.GET.get("path", "")
    if ".." in relpath:
        return HttpResponseBadRequest("invalid request")
    with open(os.path.join(MEDIA_ROOT, relpath), "rb") as fh:  # expect: CWE-22
        data = fh.read()
    return JsonResponse({"bytes": len(data)})
