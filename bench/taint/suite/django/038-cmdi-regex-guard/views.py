import os
import re

from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def fetch_ref(request):
    ref = request.GET.get("ref", "")
    if not re.fullmatch(r"[A-Za-z0-9._/-]{1,64}", ref):
        return HttpResponseBadRequest("invalid request")
    code = os.system(f"git -C /srv/app fetch origin {ref}")  # safe: CWE-78
    return JsonResponse({"exit": code})
