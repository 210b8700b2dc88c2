from django.http import HttpResponse

from . import paths


def wiki_page(request):
    page = request.GET["page"]
    text = paths.read_page(page.split(","))
    return HttpResponse(text, content_type="text/plain")
