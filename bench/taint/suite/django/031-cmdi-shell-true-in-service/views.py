import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import services


@require_POST
def thumbnail(request):
    name = json.loads(request.body)["name"]
    thumb = services.make_thumbnail(name)
    return JsonResponse({"thumbnail": thumb})
