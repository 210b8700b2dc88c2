from flask import Flask, abort, request
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///wiki.db"
db = SQLAlchemy(app)


class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(80), unique=True)
    title = db.Column(db.String(200))
    rendered = db.Column(db.Text)


@app.route("/wiki")
def wiki():
    slug = request.args.get("page", "home")
    article = Article.query.filter_by(slug=slug).first()
    if article is None:
        return f"<p>No page called {slug} yet.</p>", 404  # expect: CWE-79
    return f"<h1>{article.title}</h1>{article.rendered}"  # safe: CWE-79


@app.route("/wiki/id")
def wiki_by_id():
    article = db.get_or_404(Article, request.args.get("id", type=int))
    return "<h1>" + article.title + "</h1>"  # safe: CWE-79
