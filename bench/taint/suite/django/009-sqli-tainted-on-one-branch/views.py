from django.db import connection
from django.http import JsonResponse


def issues(request):
    status = request.headers.get("X-Status", "")
    if status:
        query = "SELECT id, title FROM issues WHERE status = '" + status + "'"
    else:
        query = "SELECT id, title FROM issues WHERE status = 'open'"
    with connection.cursor() as cursor:
        cursor.execute(query)  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"issues": rows})
