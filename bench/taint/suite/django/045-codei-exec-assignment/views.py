import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import services


@require_POST
def formula(request):
    formula = json.loads(request.body)["formula"]
    value = services.apply_formula(formula, {"base": 100, "rate": 0.07})
    return JsonResponse({"value": value})
