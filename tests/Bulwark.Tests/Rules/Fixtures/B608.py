def handler(cur, name, table, log):
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)          # medium confidence: executed
    query = "SELECT * FROM " + table + " WHERE id = 1"                 # one finding: the later literal does not see the SQL text (as Bandit)
    cur.execute("DELETE FROM t WHERE id = {}".format(name))             # medium confidence
    q = f"UPDATE users SET name = '{name}' WHERE id = 1"               # low confidence
    q2 = "INSERT INTO t (a) VALUES (%s)".replace("%s", name)           # low: replace
    log.info("could not select rows from %s" % table)                  # reported by Bandit's check (BW608 ignores it)
    q3 = "SELECT * " + "FROM t"                                        # ok for Bandit too: each literal alone is not SQL
    cur.execute("SELECT * FROM users WHERE name = %s", (name,))         # ok: parameters
    plain = "SELECT * FROM t"                                          # ok: no string operation
    cur.execute("SELECT * FROM users WHERE name = '%s'" % name)  # nosec
