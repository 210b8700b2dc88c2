# INJ006 open-redirect: Quart is Flask's API made asynchronous: its redirect to a URL from the request is an open
# redirect, and the response it builds is no page.
from quart import Quart, redirect, request, url_for

app = Quart(__name__)


@app.route("/login", methods=["POST"])
async def login():
    form = await request.form
    if form.get("remember"):
        return redirect(url_for("home"))  # negative: the application's own route
    return redirect(request.args.get("next", "/"))  # positive: any site


@app.route("/")
async def home():
    return "home"
