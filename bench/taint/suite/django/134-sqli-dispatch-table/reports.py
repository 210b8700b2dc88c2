import sqlite3


def _conn():
    return sqlite3.connect("reports.db")


def by_country(value):
    return _conn().execute("SELECT month, total FROM sales WHERE country = '" + value + "'").fetchall()  # expect: CWE-89


def by_channel(value):
    return _conn().execute("SELECT month, total FROM sales WHERE channel = ?", (value,)).fetchall()  # safe: CWE-89


REPORTS = {"country": by_country, "channel": by_channel}
