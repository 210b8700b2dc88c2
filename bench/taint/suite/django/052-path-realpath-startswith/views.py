import os

from django.http import Http404, JsonResponse


ASSETS = "/srv/static/assets"


def asset_size(request):
    asset = request.GET.get("asset", "")
    full = os.path.realpath(os.path.join(ASSETS, asset))
    if not full.startswith(ASSETS + os.sep):
        raise Http404("not found")
    with open(full, "rb") as fh:  # safe: CWE-22
        payload = fh.read()
    return JsonResponse({"size": len(payload)})
