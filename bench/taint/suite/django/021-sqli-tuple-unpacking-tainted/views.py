from django.db import connection
from django.http import JsonResponse

from . import utils


def lookup(request):
    lookup = request.GET["by"]
    field, value = utils.parse_lookup(lookup)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM people WHERE {field} = '{value}'")  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})
