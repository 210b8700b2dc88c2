import uuid

from django.db import connection
from django.http import HttpResponseBadRequest, JsonResponse


def invitation(request, token):
    try:
        token_id = uuid.UUID(token)
    except ValueError:
        return HttpResponseBadRequest("invalid request")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT email FROM invitations WHERE token = '{token_id}'")  # safe: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"invitation": rows})
