TABLE = "users"
COLUMNS = ", ".join(["id", "name"])


def by_branch(conn, flag, limit):
    if flag:
        sql = "SELECT * FROM %s WHERE active = 1" % TABLE  # ok
    else:
        sql = "SELECT " + COLUMNS + " FROM " + TABLE  # ok
    conn.execute(sql)
    conn.execute(f"SELECT * FROM {TABLE} LIMIT {int(limit)}")  # ok: a number cannot inject


def by_data(conn, name):
    conn.execute("SELECT * FROM users WHERE name = '%s'" % name)  # reported
    conn.execute(f"SELECT * FROM {TABLE} WHERE name = '{name}'")  # reported
