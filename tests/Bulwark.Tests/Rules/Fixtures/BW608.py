def handler(cur, name, table, log, engine):
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)          # medium: executed
    query = "SELECT * FROM " + table + " WHERE id = 1"                 # low: one finding for the chain
    cur.execute("DELETE FROM t WHERE id = {}".format(name))             # medium
    q = f"UPDATE users SET name = '{name}' WHERE id = 1"               # low
    engine.execute(text(f"SELECT a FROM b WHERE c = {name}"))          # medium: text()
    log.info("could not select rows from %s" % table)                  # ok: a log message
    raise ValueError("select value from %s failed" % table)            # ok: an exception message
    print(f"Select one item from {table}")                             # ok: printed
    q3 = "SELECT * " + "FROM t"                                        # ok: entirely constant
    msg = "Please select a file from " + folder                        # ok: not a SQL statement
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))         # ok: parameters
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # nosec B608
