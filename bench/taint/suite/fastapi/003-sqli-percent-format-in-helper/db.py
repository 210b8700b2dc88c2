import psycopg

DSN = "dbname=shop user=shop"


def find_orders(customer):
    sql = "SELECT id, total FROM orders WHERE customer = '%s' ORDER BY id" % customer
    with psycopg.connect(DSN) as conn:
        with conn.cursor() as cur:
            cur.execute(sql)  # expect: CWE-89
            return cur.fetchall()
