from django.db import connection
from django.http import JsonResponse


def list_products(request, category):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title, price FROM products WHERE category = '{category}'")  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"products": rows})
