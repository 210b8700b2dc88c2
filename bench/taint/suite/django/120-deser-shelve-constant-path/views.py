import shelve
from django.http import JsonResponse


CACHE_FILE = "/var/cache/app/results"


def cache_lookup(request, key):
    with shelve.open(CACHE_FILE, flag="r") as cache:  # safe: CWE-502
        entry = cache.get(key)
    return JsonResponse({"cached": entry is not None})
