import ldap
from flask import Flask, jsonify, request
from ldap.filter import escape_filter_chars


app = Flask(__name__)

LDAP_URI = "ldap://ldap.corp.example"
BASE_DN = "ou=people,dc=corp,dc=example"


@app.route("/people/find")
def find_person():
    uid = request.args.get("uid", "")
    conn = ldap.initialize(LDAP_URI)
    conn.simple_bind_s()
    query = "(&(objectClass=person)(uid=%s))" % escape_filter_chars(uid)
    entries = conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, query, ["cn"])  # safe: CWE-90
    return jsonify({"found": len(entries)})
