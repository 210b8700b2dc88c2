import json

from django.http import HttpResponse


def echo(request):
    message = request.GET["message"]
    return HttpResponse(json.dumps({"echo": message}), content_type="application/json")  # safe: CWE-79
