# INJ009 ldap-injection: request data spliced into an LDAP filter or base.
import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars

app = Flask(__name__)


def conn():
    return ldap.initialize("ldap://directory")


@app.route("/lookup")
def lookup():
    user = request.args["user"]
    return str(conn().search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + user + ")"))  # positive: filter


@app.route("/escaped")
def escaped():
    user = escape_filter_chars(request.args["user"])
    return str(conn().search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + user + ")"))  # negative: escaped


@app.route("/alnum")
def alnum():
    user = request.args["user"]
    if not user.isalnum():
        return "bad", 400
    return str(conn().search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, f"(uid={user})"))  # negative: letters and digits only


@app.route("/paged")
def paged():
    import ldap3
    from ldap3.utils.conv import escape_filter_chars as escape3

    connection = ldap3.Connection(ldap3.Server("ldap://directory"), auto_bind=True)
    user = request.args["user"]
    found = list(connection.extend.standard.paged_search("dc=example,dc=com", f"(uid={user})"))  # positive: a paged search
    safe = list(connection.extend.standard.paged_search("dc=example,dc=com", f"(uid={escape3(user)})"))  # negative: escaped
    return str(found + safe)
