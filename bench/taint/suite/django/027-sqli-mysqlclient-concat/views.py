from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import db


@require_POST
def subscribe(request):
    email = request.POST.get("email", "")
    db.subscribe(email, "weekly")
    return JsonResponse({"status": "ok"})
