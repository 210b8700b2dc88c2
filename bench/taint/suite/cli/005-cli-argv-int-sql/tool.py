import sqlite3
import sys


def purge(days):
    conn = sqlite3.connect("events.db")
    conn.execute(f"DELETE FROM events WHERE julianday('now') - julianday(at) > {days}")  # safe: CWE-89
    conn.commit()


if __name__ == "__main__":
    purge(int(sys.argv[1]))
