from django.http import JsonResponse

from . import clients


def health(request):
    endpoint = request.GET.get("endpoint", "")
    client = clients.StatusClient(endpoint)
    return JsonResponse({"health": client.health()})
