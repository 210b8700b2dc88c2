from django.http import JsonResponse

from . import db


def orders(request):
    customer = request.GET["customer"]
    orders = db.find_orders(customer)
    return JsonResponse({"orders": orders})
