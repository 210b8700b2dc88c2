import ldap
from fastapi import FastAPI, Query
from ldap.filter import escape_filter_chars


app = FastAPI()

LDAP_URI = "ldap://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"


@app.get("/people/find")
def find_person(uid: str = Query(..., max_length=200)):
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    query = "(&(objectClass=person)(uid=%s))" % escape_filter_chars(uid)
    entries = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, query, ["cn"])  # safe: CWE-90
    return {"found": len(entries)}
