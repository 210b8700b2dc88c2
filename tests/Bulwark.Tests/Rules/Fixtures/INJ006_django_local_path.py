# INJ006 open-redirect: a Django view's `request.path` never starts with `//` when each route it is registered under
# needs a first path segment (fixed text, or a converter other than `path`): it is then a path on this site. A view
# under a route that may start with anything (`<path:…>`, a regular expression group) gets no such proof.
from django.shortcuts import redirect
from django.urls import path, re_path


def moved(request, list_id):
    return redirect(request.path.replace("/lists/", "/list/", 1))  # no finding


def slug_first(request, slug):
    return redirect(request.path + "?moved=1")  # no finding


def anything(request, rest):
    return redirect(request.path)  # finding: `//evil.example/` can reach this view


def grouped(request, rest):
    return redirect(request.path_info)  # finding


urlpatterns = [
    path("lists/<str:list_id>/", moved),
    re_path(r"^archives/(?P<list_id>[^/]+)/$", moved),
    path("<slug:slug>/old/", slug_first),
    path("<path:rest>", anything),
    re_path(r"^(?P<rest>.*)$", grouped),
]
