from flask import Blueprint, render_template_string, request


bp = Blueprint("main", __name__)

GREETING = "<h1>Hello {{ name }}</h1>"


@bp.route("/greet")
def greet():
    name = request.args.get("name", "")
    return render_template_string(GREETING, name=name)  # safe: CWE-1336, safe: CWE-79
