import json

from django.http import JsonResponse


def calculate(request):
    expression = json.loads(request.body)["expr"]
    result = eval(expression)  # expect: CWE-94
    return JsonResponse({"result": result})
