from django.db import connection
from django.http import JsonResponse


PAGE_LIMIT = 9


def notes(request):
    owner = request.META.get("HTTP_X_OWNER", "")
    owner = "guest" if PAGE_LIMIT * 3 > 20 else owner
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title FROM notes WHERE owner = '{owner}' LIMIT {PAGE_LIMIT}")  # safe: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"notes": rows})
