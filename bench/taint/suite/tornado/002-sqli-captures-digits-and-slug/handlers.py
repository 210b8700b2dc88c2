import sqlite3

import tornado.web

DB = "blog.db"


class ArticleHandler(tornado.web.RequestHandler):
    def get(self, article_id, slug):
        conn = sqlite3.connect(DB)
        cur = conn.cursor()
        cur.execute("SELECT title, body FROM articles WHERE id = " + article_id)  # safe: CWE-89
        article = cur.fetchone()
        cur.execute(f"SELECT count(*) FROM views WHERE slug = '{slug}'")  # expect: CWE-89
        views = cur.fetchone()[0]
        self.render("article.html", article=article, views=views)
