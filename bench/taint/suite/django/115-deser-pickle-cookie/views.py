from django.http import JsonResponse

from . import sessions


def preferences(request):
    prefs_cookie = request.COOKIES.get("prefs", "")
    prefs = sessions.load_preferences(prefs_cookie)
    return JsonResponse({"theme": prefs.get("theme", "light")})
