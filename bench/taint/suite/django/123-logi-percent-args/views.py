import logging

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def reset_password(request):
    email = request.POST.get("email", "")
    agent = request.headers.get("X-User-Agent", "")
    logging.warning("password reset requested for %s from %s", email, agent)  # expect: CWE-117
    return JsonResponse({"status": "ok"})
