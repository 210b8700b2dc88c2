from flask import Blueprint, render_template_string, request


bp = Blueprint("main", __name__)


@bp.route("/greet")
def greet():
    name = request.cookies.get("name", "")
    template = "<h1>Hello " + name + "</h1>"
    return render_template_string(template)  # expect: CWE-1336
