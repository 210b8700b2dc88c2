from django.http import JsonResponse

from .models import City


def cities(request):
    prefix = request.GET.get("prefix", "")
    cities = City.objects.extra(where=["lower(name) LIKE %s"], params=[prefix.lower() + "%"])  # safe: CWE-89
    return JsonResponse({"cities": list(cities.values_list("name", flat=True))})
