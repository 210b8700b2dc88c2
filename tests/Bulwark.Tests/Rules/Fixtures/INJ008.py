# INJ008 template-injection: request data used as a template's source.
import jinja2
from flask import Flask, render_template, render_template_string, request

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args["name"]
    return render_template_string("<p>Hello " + name + "</p>")  # positive: the template text is built from the request


@app.route("/jinja")
def jinja():
    return jinja2.Template(request.form["tpl"]).render()  # positive: jinja2.Template


@app.route("/context")
def context():
    return render_template_string("<p>Hello {{ name }}</p>", name=request.args["name"])  # negative: a context value


@app.route("/file")
def file():
    return render_template("page.html", q=request.args["q"])  # negative: a template file
