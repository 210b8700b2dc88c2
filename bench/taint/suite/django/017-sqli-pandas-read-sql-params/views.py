from django.http import HttpResponse

from . import reports


def sales_csv(request):
    region = request.GET["region"]
    frame = reports.sales_frame(region)
    return HttpResponse(frame.to_csv(index=False), content_type="text/plain")
