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
