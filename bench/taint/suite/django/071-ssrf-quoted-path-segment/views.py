from django.http import JsonResponse

from . import clients


def profile(request, login):
    profile = clients.fetch_profile(login)
    return JsonResponse({"name": profile.get("name")})
