# INJ001 sql-injection: a Django REST framework viewset's actions are views: `list`, `retrieve`… and `@action`
# methods receive the request, and `pk` is what the router captured from the URL (its default is for the list route).
from django.db import connection
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.response import Response


class OrderViewSet(viewsets.ModelViewSet):
    def list(self, request):
        status = request.query_params.get("status", "open")
        with connection.cursor() as cur:
            cur.execute("SELECT * FROM orders WHERE status = '%s'" % status)  # positive: a query parameter
            cur.execute("SELECT * FROM orders WHERE status = %s", [status])  # negative: bound separately
        return Response([])

    def retrieve(self, request, pk=None):
        with connection.cursor() as cur:
            cur.execute("SELECT * FROM orders WHERE id = " + pk)  # positive: the URL's value
        return Response({})

    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        with connection.cursor() as cur:
            cur.execute("UPDATE orders SET note = '%s' WHERE id = %%s" % request.data["reason"], [int(pk)])  # positive: the body
        return Response({})

    def helper(self, value):
        with connection.cursor() as cur:
            cur.execute("SELECT * FROM orders WHERE ref = '%s'" % value)  # negative: called with nothing from a request
        return value
