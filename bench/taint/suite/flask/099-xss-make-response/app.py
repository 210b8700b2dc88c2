from flask import Flask, make_response, request


app = Flask(__name__)


@app.route("/comments/preview", methods=["POST"])
def preview_comment():
    comment = request.form.get("comment", "")
    resp = make_response("<div class='comment'>" + comment + "</div>")  # expect: CWE-79
    resp.headers["Cache-Control"] = "no-store"
    return resp
