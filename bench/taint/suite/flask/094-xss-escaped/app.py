from flask import Flask, request
from markupsafe import escape


app = Flask(__name__)


@app.route("/search")
def search():
    term = request.args.get("q", "")
    safe_term = escape(term)
    return f"<p>No results for <b>{safe_term}</b></p>"  # safe: CWE-79
