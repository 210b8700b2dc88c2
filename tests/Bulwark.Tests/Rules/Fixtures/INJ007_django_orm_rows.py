# INJ007 reflected-xss: Django lookups return the database's rows; the values they filter by do not reach them.
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Page


def page(request, slug):
    found = get_object_or_404(Page, slug=slug)
    return HttpResponse(found.html)  # negative: stored content, not the request's


def latest(request):
    found = Page.objects.filter(author=request.GET["author"]).order_by("-created").first()
    return HttpResponse(found.title)  # negative: the row's title


def lookup(request):
    name = request.GET["name"]
    found = Page.objects.get(name=name)
    return HttpResponse("<h1>" + name + "</h1>" + found.html)  # positive: the request's own value
