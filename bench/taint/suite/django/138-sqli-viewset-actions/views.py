from django.db import connection
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from .models import Invoice


class InvoiceViewSet(viewsets.ModelViewSet):
    queryset = Invoice.objects.all()

    def list(self, request):
        customer = request.query_params.get("customer", "")
        with connection.cursor() as cursor:
            cursor.execute("SELECT id, total FROM invoices WHERE customer = %s", [customer])  # safe: CWE-89
            rows = cursor.fetchall()
            cursor.execute("SELECT count(*) FROM invoices WHERE customer = '" + customer + "'")  # expect: CWE-89
            count = cursor.fetchone()[0]
        return Response({"rows": rows, "count": count})

    def retrieve(self, request, pk=None):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, total FROM invoices WHERE number = '{pk}'")  # expect: CWE-89
            row = cursor.fetchone()
        return Response({"invoice": row})

    @action(detail=True, methods=["post"])
    def annotate(self, request, pk=None):
        note = request.data.get("note", "")
        with connection.cursor() as cursor:
            cursor.execute("UPDATE invoices SET note = '%s' WHERE id = %%s" % note, [pk])  # expect: CWE-89
        return Response({"ok": True})
