import requests
from django.http import JsonResponse


def local_health(request):
    port = request.GET.get("port", "")
    resp = requests.get(f"http://127.0.0.1:{int(port)}/health", timeout=2)  # safe: CWE-918
    return JsonResponse({"status": resp.status_code})
