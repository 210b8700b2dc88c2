from django.db import connection


def find_orders(customer):
    sql = "SELECT id, total FROM orders WHERE customer = '%s' ORDER BY id" % customer
    with connection.cursor() as cursor:
        cursor.execute(sql)  # expect: CWE-89
        return cursor.fetchall()
