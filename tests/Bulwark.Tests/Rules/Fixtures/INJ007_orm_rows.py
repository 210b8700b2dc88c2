# INJ007 reflected-xss: a row an ORM lookup returns is the database's, not the request's, even when the request chose
# which row: what it holds is stored data, not reflected request data.
from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String)
    body = db.Column(db.String)


@app.route("/post")
def post():
    found = Post.query.filter_by(slug=request.args["slug"]).first_or_404()
    return "<article>" + found.body + "</article>"  # negative: the row's body


@app.route("/post/by-id")
def post_by_id():
    found = db.get_or_404(Post, request.args["id"])
    return "<article>" + found.body + "</article>"  # negative: the row's body


@app.route("/post/missing")
def missing():
    slug = request.args["slug"]
    if Post.query.filter_by(slug=slug).first() is None:
        return "<p>No post named " + slug + "</p>"  # positive: the request's own value
    return "<p>found</p>"
