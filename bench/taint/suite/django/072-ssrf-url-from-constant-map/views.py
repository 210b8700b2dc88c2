import requests
from django.http import Http404, JsonResponse


STATUS_PAGES = {
    "github": "https://www.githubstatus.com",
    "slack": "https://status.slack.com",
}


def service_status(request, service):
    base = STATUS_PAGES.get(service)
    if base is None:
        raise Http404("not found")
    resp = requests.get(base + "/api/v2/status.json", timeout=5)  # safe: CWE-918
    return JsonResponse(resp.json())
