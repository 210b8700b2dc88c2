from ldap3 import Connection, Server
from ldap3.utils.conv import escape_filter_chars

SERVER = Server("ldaps://directory.example")


def lookup_mail(mail):
    conn = Connection(SERVER, auto_bind=True)
    conn.search("dc=example", f"(mail={escape_filter_chars(mail)})", attributes=["uid"])  # safe: CWE-90
    return [str(e.uid) for e in conn.entries]
