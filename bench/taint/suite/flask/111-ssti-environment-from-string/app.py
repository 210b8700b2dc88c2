from flask import Flask, Response, request
from jinja2 import Environment, FileSystemLoader


app = Flask(__name__)

env = Environment(loader=FileSystemLoader("templates"), autoescape=True)


@app.route("/layouts/render", methods=["POST"])
def render_layout():
    layout = request.form.get("layout", "")
    template = env.from_string(layout)  # expect: CWE-1336
    return Response(template.render(user="guest"), mimetype="text/plain")
