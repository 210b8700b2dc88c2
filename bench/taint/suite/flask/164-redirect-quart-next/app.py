from quart import Quart, redirect, render_template, request, session, url_for

app = Quart(__name__)
app.secret_key = "dev"


@app.route("/login", methods=["GET", "POST"])
async def login():
    if request.method == "GET":
        return await render_template("login.html")
    form = await request.form
    session["user"] = form.get("user", "")  # expect: CWE-501
    target = request.args.get("next")
    if not target:
        return redirect(url_for("index"))  # safe: CWE-601
    return redirect(target)  # expect: CWE-601, safe: CWE-79


@app.route("/")
async def index():
    return await render_template("index.html", user=session.get("user"))
