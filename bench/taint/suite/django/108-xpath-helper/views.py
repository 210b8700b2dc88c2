from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import accounts


@require_POST
def pin_login(request):
    user = request.POST["user"]
    pin = request.POST["pin"]
    ok = accounts.check_credentials(user, pin)
    return JsonResponse({"ok": ok})
