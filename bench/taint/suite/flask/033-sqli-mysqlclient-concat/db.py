import MySQLdb


def subscribe(email, newsletter):
    conn = MySQLdb.connect(host="mysql", user="news", db="news")
    cur = conn.cursor()
    cur.execute("INSERT INTO subscribers (email, list) VALUES ('" + email + "', '" + newsletter + "')")  # expect: CWE-89
    conn.commit()
