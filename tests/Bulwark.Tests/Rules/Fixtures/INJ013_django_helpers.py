# INJ013 trust-boundary-violation, Django views found by their `request` parameter (no urls.py in sight): a function
# the code calls itself is a helper of views, and its other parameters are what its callers pass, not URL captures.
from django.contrib.auth import authenticate
from django.http import HttpResponse


def remember(request, user):
    request.session["user_id"] = user.pk  # negative: a helper; its callers pass an authenticated user
    request.session["backend"] = user.backend  # negative


def sign_in(request):
    user = authenticate(request, username="demo", password=request.POST["password"])
    if user is not None:
        remember(request, user)
    return HttpResponse("ok")


def pick_theme(request, theme):
    request.session["theme"] = theme  # positive: a view; `theme` is a URL capture
    return HttpResponse("ok")


def set_language(request):
    request.session["lang"] = request.POST["lang"]  # positive: request data into the session
    return HttpResponse("ok")
