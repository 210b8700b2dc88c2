from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from .models import Product


def product(request, sku):
    item = get_object_or_404(Product, sku=sku)
    return HttpResponse("<h1>" + item.name + "</h1>" + item.description_html)  # safe: CWE-79


def cheapest(request):
    category = request.GET.get("category", "")
    item = Product.objects.filter(category=category).order_by("price").first()
    if item is None:
        return HttpResponse("<p>Nothing in " + category + "</p>")  # expect: CWE-79
    return HttpResponse("<p>Cheapest: " + item.name + "</p>")  # safe: CWE-79
