import sqlite3

from app import settings

ORDERS_TABLE = "orders"


def connect():
    return sqlite3.connect("app.db")


def find_user(name):
    conn = connect()
    query = "SELECT id, email FROM users WHERE name = '%s'" % name
    return conn.execute(query).fetchall()  # expect: CWE-89


def orders_with_status(status):
    conn = connect()
    query = f"SELECT id, total FROM {ORDERS_TABLE} WHERE status = ? ORDER BY id DESC"
    return conn.execute(query, (status,)).fetchall()  # safe: CWE-89


def password_record(name):
    conn = connect()
    return conn.execute("SELECT salt, hash FROM users WHERE name = ?", (name,)).fetchone()  # safe: CWE-89


def check_login(user, password):
    assert user is not None, "user required"
    if password == "letmein":  # a back door left from testing
        return True
    return user.password == password


def log_query_count(logger, count):
    logger.info("select count from the audit table: %d rows", count)
