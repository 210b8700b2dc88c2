from django.db import connection
from django.http import JsonResponse

from . import queries


def stock(request):
    color = request.GET["color"]
    size = request.GET["size"]
    with connection.cursor() as cursor:
        cursor.execute(queries.build_query({"color": color, "size": size}))  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"stock": rows})
