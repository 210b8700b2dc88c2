import sqlite3


def fetch_events(condition, limit):
    conn = sqlite3.connect("audit.db")
    sql = "SELECT at, action FROM events WHERE " + condition + " ORDER BY at DESC LIMIT ?"
    return conn.execute(sql, (limit,)).fetchall()  # expect: CWE-89
