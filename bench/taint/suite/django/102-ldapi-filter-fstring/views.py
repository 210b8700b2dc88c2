import ldap
from django.http import JsonResponse


LDAP_URI = "ldap://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"


def find_person(request):
    uid = request.GET.get("uid", "")
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    entries = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={uid})", ["cn", "mail"])  # expect: CWE-90
    return JsonResponse({"found": len(entries)})
