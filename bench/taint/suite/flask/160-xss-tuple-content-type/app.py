from flask import Flask, request

app = Flask(__name__)


@app.route("/robots.txt")
def robots():
    agent = request.args.get("agent", "*")
    return f"User-agent: {agent}\nDisallow: /admin\n", 200, {"Content-Type": "text/plain"}  # safe: CWE-79


@app.route("/banner")
def banner():
    text = request.args.get("text", "")
    return f"<div class='banner'>{text}</div>", 200, {"Content-Type": "text/html; charset=utf-8"}  # expect: CWE-79


@app.route("/missing")
def missing():
    item = request.args.get("item", "")
    return f"<p>No such item: {item}</p>", 404  # expect: CWE-79
