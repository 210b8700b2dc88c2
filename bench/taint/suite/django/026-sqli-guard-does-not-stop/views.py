import logging

from django.db import connection
from django.http import JsonResponse


logger = logging.getLogger(__name__)


def signups(request):
    group_by = request.GET.get("group_by", "")
    if not group_by.isidentifier():
        logger.warning("suspicious group_by parameter")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {group_by}, COUNT(*) FROM signups GROUP BY {group_by}")  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"groups": rows})
