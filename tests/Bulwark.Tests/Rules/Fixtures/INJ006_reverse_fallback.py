# INJ006 open-redirect: `reverse` builds a URL of this site from a route name, whichever place it is imported from
# (Django 2.0 moved it from django.core.urlresolvers; code supporting both imports it from each in turn).
from django.http import HttpResponseRedirect

try:
    from django.urls import reverse
except ImportError:
    from django.core.urlresolvers import reverse


def go(request):
    return HttpResponseRedirect(reverse("page", kwargs={"slug": request.GET["s"]}))  # no finding


def away(request):
    return HttpResponseRedirect(request.GET["next"])  # finding
