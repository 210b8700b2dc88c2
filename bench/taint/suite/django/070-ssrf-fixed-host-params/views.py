import requests
from django.http import JsonResponse


GEOCODER_URL = "https://geo.example.com/search"


def geocode(request):
    address = request.GET.get("address", "")
    resp = requests.get(GEOCODER_URL, params={"q": address, "format": "json"}, timeout=5)  # safe: CWE-918
    return JsonResponse(resp.json())
