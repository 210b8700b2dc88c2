import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import storage


@require_POST
def delete_attachment(request):
    name = json.loads(request.body)["name"]
    removed = storage.delete_attachment("shared", name)
    return JsonResponse({"removed": removed})
