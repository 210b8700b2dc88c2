# INJ016 regex-injection: request data used as a regular expression's pattern.
import re

from flask import Flask, request

app = Flask(__name__)
LINES = ["alpha", "beta"]


@app.route("/search")
def search():
    pattern = request.args["pattern"]
    return str(re.search(pattern, request.args["text"]))  # positive: the client writes the pattern


@app.route("/compiled")
def compiled():
    matcher = re.compile(request.args["pattern"])  # positive
    return str(matcher.search(request.args["text"]))


@app.route("/filter")
def filter_lines():
    q = request.args.get("q", "")
    return "\n".join(line for line in LINES if re.match(q, line))  # positive


@app.route("/escaped")
def escaped():
    q = re.escape(request.args.get("q", ""))
    return str([line for line in LINES if re.search(q, line)])  # negative: matched literally


@app.route("/subject")
def subject():
    return str(re.fullmatch(r"[a-z]+", request.args["name"]))  # negative: request data is the subject, not the pattern


@app.route("/validated")
def validated():
    word = request.args["word"]
    if not re.fullmatch(r"[A-Za-z0-9_]+", word):
        return "bad"
    return str(re.findall(word, "some text"))  # negative: no pattern syntax can pass the check


@app.route("/replace")
def replace():
    return re.sub(request.args["old"], "-", "a text")  # positive: the pattern of a substitution


@app.route("/prefix")
def prefix():
    return str(re.prefixmatch(request.args["pattern"], "subject"))  # positive: match's new name (Python 3.14)
