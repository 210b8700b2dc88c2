from django.http import HttpResponseBadRequest, JsonResponse

from . import services


def events(request):
    action = request.GET["action"]
    try:
        events = services.events_of_kind(action)
    except ValueError:
        return HttpResponseBadRequest("invalid request")
    return JsonResponse({"events": events})
