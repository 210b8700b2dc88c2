import sqlite3


def lookup(conn):
    name = input("customer name: ").strip()
    rows = conn.execute("SELECT id, email FROM customers WHERE name = '" + name + "'").fetchall()  # expect: CWE-89
    for row in rows:
        print(*row)


if __name__ == "__main__":
    lookup(sqlite3.connect("crm.db"))
