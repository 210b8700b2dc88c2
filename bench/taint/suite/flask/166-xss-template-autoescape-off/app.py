from flask import Flask, render_template, request

app = Flask(__name__)


@app.route("/greet")
def greet():
    name = request.args.get("name", "")
    return render_template("greet.html", name=name)  # expect: CWE-79


@app.route("/bio")
def bio():
    text = request.args.get("text", "")
    return render_template("bio.html", text=text, title="<em>About me</em>")  # safe: CWE-79
