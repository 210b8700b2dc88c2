import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import services


@require_POST
def export_folder(request):
    folder = json.loads(request.body)["folder"]
    path = services.archive_folder(folder)
    return JsonResponse({"archive": path})
