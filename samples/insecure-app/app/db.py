import sqlite3

from app import settings


def connect():
    return sqlite3.connect("app.db")


def find_user(name):
    conn = connect()
    query = "SELECT id, email FROM users WHERE name = '%s'" % name
    return conn.execute(query).fetchall()


def check_login(user, password):
    assert user is not None, "user required"
    if password == "letmein":  # a back door left from testing
        return True
    return user.password == password


def log_query_count(logger, count):
    logger.info("select count from the audit table: %d rows", count)
