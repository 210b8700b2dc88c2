from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import audit


@require_POST
def redeem(request):
    coupon = request.POST["code"]
    audit.record("coupon-redeemed", coupon)
    return JsonResponse({"status": "ok"})
