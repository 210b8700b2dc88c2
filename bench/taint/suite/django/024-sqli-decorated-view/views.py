from django.db import connection
from django.http import JsonResponse

from . import auth


@auth.audited
def group_members(request, group):
    with connection.cursor() as cursor:
        cursor.execute("SELECT user_id FROM memberships WHERE grp = '" + group + "'")  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"members": [r[0] for r in rows]})
