import os

from django.http import JsonResponse
from django.views.decorators.http import require_POST


UPLOADS = "/var/app/uploads"


@require_POST
def optimise(request):
    name = request.POST["name"]
    source = os.path.join(UPLOADS, os.path.basename(name))
    os.spawnlp(os.P_WAIT, "optipng", "optipng", "-o2", source)  # safe: CWE-78
    return JsonResponse({"status": "ok"})
