from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def check_discount(request):
    rule = request.POST["rule"]
    context = {"total": 120.0, "items": 3}
    allowed = eval(compile(rule, "<discount-rule>", "eval"), {"__builtins__": {}}, context)  # expect: CWE-94
    return JsonResponse({"discount": bool(allowed)})
