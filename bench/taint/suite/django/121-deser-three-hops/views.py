import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import services


@require_POST
def restore_draft(request):
    blob = json.loads(request.body)["blob"]
    draft = services.restore_draft(blob)
    return JsonResponse({"title": draft.get("title")})
