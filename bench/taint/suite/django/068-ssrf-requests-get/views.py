import requests
from django.http import JsonResponse


def check_link(request):
    url = request.POST["url"]
    resp = requests.get(url, timeout=5)  # expect: CWE-918
    return JsonResponse({"status": resp.status_code, "length": len(resp.content)})
