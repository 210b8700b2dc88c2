import os

from django.db import connection
from django.http import JsonResponse


AUDIT_TABLE = os.environ.get("AUDIT_TABLE", "audit_log")


def audit_events(request):
    actor = request.GET.get("actor", "")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT at, action FROM {AUDIT_TABLE} WHERE actor = %s", [actor])  # expect-low: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"events": rows})
