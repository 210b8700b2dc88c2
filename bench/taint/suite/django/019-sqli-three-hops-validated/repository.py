import sqlite3


def fetch_events(condition):
    conn = sqlite3.connect("audit.db")
    sql = "SELECT at, actor FROM events WHERE " + condition + " ORDER BY at DESC"
    return conn.execute(sql).fetchall()  # safe: CWE-89
