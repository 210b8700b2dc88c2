# INJ006 open-redirect: a method named `is_safe_url` checks its argument whatever object it is called on: projects
# wrap Django's check under that name (django-allauth's adapter, whose class is a setting the scan cannot follow).
from django.shortcuts import redirect
from django.utils.module_loading import import_string

ADAPTER = "myapp.adapter.Adapter"


def get_adapter(request):
    return import_string(ADAPTER)(request)


def next_url(request):
    target = request.GET.get("next")
    if not get_adapter(request).is_safe_url(target):
        target = None
    return target


def logout(request):
    return redirect(next_url(request) or "/")  # no finding: checked by the adapter


def login(request):
    target = request.GET.get("next")
    if get_adapter(request).is_safe_url(request.GET.get("other")):
        return redirect(target)  # finding: the value checked is not the one used
    return redirect("/")


def profile(request):
    target = request.GET.get("next", "/")
    if not get_adapter(request).is_safe_url(url=target):
        return redirect(target)  # finding: the check failed on this branch
    return redirect(target)  # no finding
