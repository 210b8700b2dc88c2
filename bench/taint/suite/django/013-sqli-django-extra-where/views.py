from django.http import JsonResponse

from .models import City


def cities(request):
    prefix = request.GET["prefix"]
    clause = "lower(name) LIKE '%%" + prefix.lower() + "%%'"
    cities = City.objects.extra(where=[clause]).values_list("name", flat=True)  # expect: CWE-89
    return JsonResponse({"cities": list(cities)})
