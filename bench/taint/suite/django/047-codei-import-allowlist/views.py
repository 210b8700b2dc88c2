from django.http import Http404, HttpResponse

from . import plugins


def export(request, fmt):
    try:
        exporter = plugins.load_exporter(fmt)
    except LookupError:
        raise Http404("not found")
    return HttpResponse(exporter.render(), content_type="text/plain")
