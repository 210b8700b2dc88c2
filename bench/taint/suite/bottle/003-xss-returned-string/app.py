from bottle import get, request, template


@get("/welcome")
def welcome():
    user = request.query.get("user", "stranger")
    if request.query.get("format") == "json":
        return {"message": "Welcome " + user}  # safe: CWE-79
    if request.query.get("tpl"):
        return template("welcome", user=user)  # safe: CWE-79
    return "<html><body><h1>Welcome, " + user + "!</h1></body></html>"  # expect: CWE-79
