from django.db import connection
from django.http import JsonResponse


def vendors(request):
    country = request.GET["country"]
    where = lambda field, value: f"{field} = '{value}'"
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, name FROM vendors WHERE " + where("country", country))  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"vendors": rows})
