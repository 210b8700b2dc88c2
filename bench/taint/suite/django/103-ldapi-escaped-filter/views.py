import ldap
from django.http import JsonResponse
from ldap.filter import escape_filter_chars


LDAP_URI = "ldap://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"


def find_person(request):
    uid = request.GET["uid"]
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    query = "(&(objectClass=person)(uid=%s))" % escape_filter_chars(uid)
    entries = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, query, ["cn"])  # safe: CWE-90
    return JsonResponse({"found": len(entries)})
