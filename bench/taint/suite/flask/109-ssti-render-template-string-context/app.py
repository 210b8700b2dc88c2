from flask import Flask, render_template_string


app = Flask(__name__)

GREETING = "<h1>Hello {{ name }}</h1>"


@app.route("/greet/<name>")
def greet(name):
    return render_template_string(GREETING, name=name)  # safe: CWE-1336, safe: CWE-79
