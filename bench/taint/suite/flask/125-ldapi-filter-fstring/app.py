import ldap
from flask import Blueprint, jsonify, request


bp = Blueprint("main", __name__)

LDAP_URI = "ldap://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"


@bp.route("/people/find")
def find_person():
    uid = request.headers.get("X-Uid", "")
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    entries = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={uid})", ["cn", "mail"])  # expect: CWE-90
    return jsonify({"found": len(entries)})
