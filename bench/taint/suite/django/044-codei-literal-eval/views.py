import ast

from django.http import HttpResponseBadRequest, JsonResponse


def parse_point(request):
    coords = request.GET.get("coords", "")
    try:
        point = ast.literal_eval(coords)  # safe: CWE-94
    except (ValueError, SyntaxError):
        return HttpResponseBadRequest("invalid request")
    return JsonResponse({"x": point[0], "y": point[1]})
