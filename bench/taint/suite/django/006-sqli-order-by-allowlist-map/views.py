from django.db import connection
from django.http import JsonResponse


SORT_COLUMNS = {"name": "name", "newest": "created_at DESC", "price": "price"}


def items(request):
    sort = request.GET.get("sort", "")
    column = SORT_COLUMNS.get(sort, "name")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, name, price FROM items ORDER BY {column}")  # safe: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"items": rows})
