from flask import Blueprint, render_template, request


bp = Blueprint("main", __name__)


@bp.route("/search")
def search():
    term = request.args["q"]
    return render_template("search.html", term=term, results=[])  # safe: CWE-79
