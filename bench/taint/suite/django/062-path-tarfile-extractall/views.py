from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import archive


@require_POST
def import_bundle(request):
    names = archive.unpack(request.FILES["bundle"])
    return JsonResponse({"files": names})
