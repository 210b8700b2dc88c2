from django.http import JsonResponse


def status(request):
    correlation = request.GET.get("cid", "")
    resp = JsonResponse({"status": "ok"})
    resp.headers["X-Correlation-ID"] = correlation  # expect: CWE-113
    return resp
