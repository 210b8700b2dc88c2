from django.http import JsonResponse

from . import db


def invoices(request):
    account = request.COOKIES.get("account", "")
    rows = db.invoices_for(account)
    return JsonResponse({"invoices": [list(r) for r in rows]})
