import logging

from django.http import JsonResponse
from django.views.decorators.http import require_POST


logger = logging.getLogger(__name__)


@require_POST
def login_failed(request):
    username = request.GET.get("username", "")
    logger.info(f"login failed for user {username}")  # expect: CWE-117
    return JsonResponse({"ok": False})
