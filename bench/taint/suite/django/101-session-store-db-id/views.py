from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.http import require_POST

from . import accounts


@require_POST
def login(request):
    username = request.POST.get("username", "")
    password = request.POST.get("password", "")
    account_id = accounts.authenticate(username, password)
    if account_id is None:
        return HttpResponseBadRequest("invalid request")
    request.session["account_id"] = account_id  # safe: CWE-501
    return JsonResponse({"status": "ok"})
