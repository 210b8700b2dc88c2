import re

from django.http import HttpResponseBadRequest, JsonResponse


def arith(request):
    expression = request.GET["expr"]
    if not re.fullmatch(r"[0-9+\-*/(). ]{1,40}", expression):
        return HttpResponseBadRequest("invalid request")
    value = eval(expression, {"__builtins__": {}})  # safe: CWE-94
    return JsonResponse({"value": value})
