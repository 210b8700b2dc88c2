"""Customer portal: sign-in, profile pages, attachments, shopping cart and integrations."""
from flask import redirect, render_template, request, session

from app import app, audit, auth, db, downloads, rendering, services, sessions, webhooks


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    if not auth.check_password(username, request.form["password"]):
        audit.login_failed(username)
        return {"error": "invalid credentials"}, 401
    session["user"] = username
    return redirect(auth.landing_page(request.args.get("next")))  # expect: CWE-601


@app.route("/profile/<username>")
def profile(username):
    bio = request.args.get("bio", "")
    return rendering.profile_card(username, bio)  # expect: CWE-79


@app.route("/profile/preview", methods=["POST"])
def profile_preview():
    # templates/profile_preview.html prints the bio with |safe so that its links stay links.
    return render_template("profile_preview.html", name=request.form["name"], bio=request.form["bio"])  # expect: CWE-79


@app.route("/notice", methods=["POST"])
def notice():
    return rendering.render_notice(request.form["template"], user=session.get("user"))


@app.route("/attachments/<path:name>")
def attachment(name):
    return downloads.send_attachment(name)


@app.route("/reports/export", methods=["POST"])
def export_report():
    archive = services.export_report(request.form["report"], request.form.get("format", "zip"))
    return {"archive": archive}


@app.route("/webhooks/test", methods=["POST"])
def test_webhook():
    payload = request.get_json()
    status = webhooks.deliver(payload["url"], {"event": "ping"})
    return {"status": status}


@app.route("/cart")
def cart():
    items = sessions.load_cart(request.cookies.get("cart", ""))
    return {"items": items, "count": len(items)}


@app.route("/orders")
def orders():
    return {"orders": db.orders_with_status(request.args.get("status", "open"))}
