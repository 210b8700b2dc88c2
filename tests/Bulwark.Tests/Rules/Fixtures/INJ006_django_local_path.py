# INJ006 open-redirect: a Django view's `request.path` never starts with `//` when each route it is registered under
# needs a first path segment (fixed text, or a converter other than `path`): it is then a path on this site. A view
# under a route that may start with anything (`<path:…>`, a regular expression group) gets no such proof.
from django.shortcuts import redirect
from django.urls import path, re_path
from django.views.generic import View


def moved(request, list_id):
    return redirect(request.path.replace("/lists/", "/list/", 1))  # no finding


def slug_first(request, slug):
    return redirect(request.path + "?moved=1")  # no finding


def anything(request, rest):
    return redirect(request.path)  # finding: `//evil.example/` can reach this view


def grouped(request, rest):
    return redirect(request.path_info)  # finding


class ResetView(View):
    def dispatch(self, request, *args, **kwargs):
        return redirect(self.request.path.replace("/key/", "/done/"))  # no finding: routed below by a variable


class CatchAllView(View):
    def dispatch(self, request, *args, **kwargs):
        return redirect(self.request.path)  # finding: routed under a pattern that may start anywhere


reset = ResetView.as_view()
catch_all = CatchAllView.as_view()

urlpatterns = [
    path("lists/<str:list_id>/", moved),
    re_path(r"^archives/(?P<list_id>[^/]+)/$", moved),
    path("<slug:slug>/old/", slug_first),
    path("<path:rest>", anything),
    re_path(r"^(?P<rest>.*)$", grouped),
    re_path(r"^password/reset/key/(?P<key>.+)/$", reset),
    re_path(r"^(?P<anything>.*)/legacy/$", catch_all),
]
