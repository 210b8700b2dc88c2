from django.http import Http404, JsonResponse

from . import reports


def sales_report(request, kind):
    value = request.GET.get("value", "")
    builder = reports.REPORTS.get(kind)
    if builder is None:
        raise Http404("not found")
    return JsonResponse({"rows": builder(value)})
