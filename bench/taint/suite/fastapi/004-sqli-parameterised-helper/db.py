import pymysql


def connect():
    return pymysql.connect(host="db", user="billing", database="billing")


def invoices_for(account):
    conn = connect()
    try:
        with conn.cursor() as cursor:
            cursor.execute(  # safe: CWE-89
                "SELECT number, amount FROM invoices WHERE account = %s AND deleted = 0",
                (account,),
            )
            return cursor.fetchall()
    finally:
        conn.close()
