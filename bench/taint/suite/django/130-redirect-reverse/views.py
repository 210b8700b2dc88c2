from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse


def find_order(request):
    reference = request.GET.get("ref", "")
    return redirect(reverse("order-detail", kwargs={"reference": reference}))  # safe: CWE-601


def order_detail(request, reference):
    return JsonResponse({"reference": reference})
