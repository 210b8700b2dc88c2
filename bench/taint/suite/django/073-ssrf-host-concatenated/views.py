import requests
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def clear_cache(request):
    node = request.POST.get("node", "")
    resp = requests.post("http://" + node + ":9200/_cache/clear", timeout=5)  # expect: CWE-918
    return JsonResponse({"ok": resp.ok})
