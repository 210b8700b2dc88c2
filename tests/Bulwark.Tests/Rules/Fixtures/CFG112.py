from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt, csrf_protect


@csrf_exempt                       # reported
def transfer(request):
    pass


@csrf_exempt                       # reported, low confidence: a webhook
def stripe_webhook(request):
    pass


@method_decorator(csrf_exempt, name="dispatch")   # reported
class PaymentView(View):
    pass


legacy = csrf_exempt(transfer)     # reported


@csrf_protect                      # ok
def profile(request):
    pass


@csrf_exempt  # nosec
def suppressed(request):
    pass
