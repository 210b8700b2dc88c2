# INJ006 open-redirect: what a URL built from parts sends the browser to is decided before its first `?` or `#`:
# request data placed after one is the query or the fragment, whatever came before it. And `text.replace(old, new)`
# holds the text and the replacement, never what was replaced.
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/query-after-path")
def query_after_path():
    return redirect("%s?%s" % (request.args["base"], request.args["next"]))  # finding: from `base` alone


@app.route("/query-after-variable")
def query_after_variable(section="/help"):
    return redirect(section + "?q=" + request.args["q"])  # no finding


@app.route("/fragment")
def fragment():
    return redirect(f"{request.script_root}/docs#{request.args['anchor']}")  # no finding


@app.route("/question-mark-later")
def question_mark_later():
    return redirect(request.args["to"] + "?ref=1")  # finding: before the `?`


@app.route("/replaced-old")
def replaced_old(path="/lists/NAME/"):
    return redirect(path.replace(request.args["old"], "list"))  # no finding: what is replaced is not in the result


@app.route("/replacement")
def replacement(template="{to}"):
    return redirect(template.replace("{to}", request.args["to"]))  # finding: the replacement is the whole URL
