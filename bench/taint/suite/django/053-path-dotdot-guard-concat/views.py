from django.http import HttpResponseBadRequest, JsonResponse


MEDIA_ROOT = "/srv/media"


def media_info(request, relpath):
    if ".." in relpath or relpath.startswith("/"):
        return HttpResponseBadRequest("invalid request")
    with open(f"{MEDIA_ROOT}/{relpath}", "rb") as fh:  # safe: CWE-22
        data = fh.read()
    return JsonResponse({"bytes": len(data)})
