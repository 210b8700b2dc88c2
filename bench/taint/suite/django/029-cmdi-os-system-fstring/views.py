import os

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def ping(request):
    host = request.POST.get("host", "")
    status = os.system(f"ping -c 3 {host} > /dev/null")  # expect: CWE-78
    return JsonResponse({"reachable": status == 0})
