import psycopg
from psycopg import sql


def distinct_values(column):
    query = sql.SQL("SELECT DISTINCT {} FROM listings LIMIT 100").format(sql.Identifier(column))
    with psycopg.connect("dbname=market") as conn:
        return [r[0] for r in conn.execute(query)]  # safe: CWE-89
