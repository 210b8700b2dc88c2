# INJ007 reflected-xss: views registered by a function that receives the application (`def init(app)`), as modules
# loaded through a dynamic import do: nothing says what `app` is, but a Flask module decorating with `app.route("/...")`
# registers a Flask view.
from flask import request


def init(app):
    @app.route("/hello", methods=["POST"])
    def hello():
        name = request.form.get("name", "")
        return f"<h1>Hello {name}</h1>"  # positive: a Flask view's string is the page

    @app.route("/plain")
    def plain():
        return "static"  # negative: nothing from the request


def helper(registry):
    @registry.route("not-a-path")
    def handler():
        return request.args.get("q", "")  # negative: not a route path, so not known to be a view
