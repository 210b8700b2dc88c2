from django.db import connection
from django.http import JsonResponse


def invoices(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, total FROM billing_invoice WHERE tenant = '%s'" % request.tenant)  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"invoices": rows})
