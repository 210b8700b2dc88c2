import ldap
from fastapi import APIRouter, Header


router = APIRouter()

LDAP_URI = "ldap://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"


@router.get("/people/find")
def find_person(uid: str = Header("")):
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    entries = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={uid})", ["cn", "mail"])  # expect: CWE-90
    return {"found": len(entries)}
