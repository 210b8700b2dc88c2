import sqlite3


def widgets_for(tenant):
    conn = sqlite3.connect("dashboards.db")
    return conn.execute(f"SELECT id, kind FROM widgets WHERE tenant = '{tenant}'").fetchall()  # expect: CWE-89
