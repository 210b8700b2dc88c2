from ldap3 import ALL, Connection, Server

SERVER = Server("ldaps://directory.example", get_info=ALL)


def groups_of(member):
    conn = Connection(SERVER, auto_bind=True)
    conn.search("ou=groups,dc=example", "(member=cn=" + member + ",ou=people,dc=example)", attributes=["cn"])  # expect: CWE-90
    return [str(e.cn) for e in conn.entries]
