from django.http import HttpResponse

from . import plugins


def export(request, fmt):
    exporter = plugins.load_exporter(fmt)
    return HttpResponse(exporter.render(), content_type="text/plain")
