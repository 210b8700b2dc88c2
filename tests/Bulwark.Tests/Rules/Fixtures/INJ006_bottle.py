# INJ006 open-redirect: Bottle's redirect to a URL from the request.
from bottle import get, redirect, request


@get("/login/done")
def done():
    redirect(request.query.get("next", "/"))  # positive: any site


@get("/home")
def home():
    redirect("/dashboard")  # negative: a fixed path
