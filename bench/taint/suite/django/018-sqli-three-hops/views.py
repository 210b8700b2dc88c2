from django.http import JsonResponse

from . import services


def audit(request, actor):
    events = services.audit_trail(actor)
    return JsonResponse({"events": events})
