from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import archive


@require_POST
def install_theme(request):
    archive.install_theme(request.FILES["theme"])
    return JsonResponse({"status": "ok"})
