from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import clients


@require_POST
def test_webhook(request):
    callback = request.POST.get("callback_url", "")
    status = clients.send_event(callback, {"type": "ping"})
    return JsonResponse({"delivered": status == 200})
