from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import services


@require_POST
def preview_subject(request):
    subject = request.POST["subject"]
    subject = services.notification_preview(subject, {"name": "Ada"})
    return JsonResponse({"subject": subject})
