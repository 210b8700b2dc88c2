import json
import logging

from django.http import JsonResponse
from django.views.decorators.http import require_POST


logger = logging.getLogger(__name__)


@require_POST
def update_profile(request):
    nickname = request.POST.get("nickname", "")
    bio = request.POST.get("bio", "")
    logger.info("profile update: %s", json.dumps({"nickname": nickname, "bio": bio}))  # safe: CWE-117
    return JsonResponse({"status": "ok"})
