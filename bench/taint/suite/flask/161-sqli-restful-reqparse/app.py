import sqlite3

from flask import Flask
from flask_restful import Api, Resource, reqparse

app = Flask(__name__)
api = Api(app)

note_parser = reqparse.RequestParser()
note_parser.add_argument("title", required=True)
note_parser.add_argument("body", default="")


def db():
    return sqlite3.connect("notes.db")


class Note(Resource):
    def get(self, slug):
        row = db().execute("SELECT title, body FROM notes WHERE slug = '%s'" % slug).fetchone()  # expect: CWE-89
        return {"note": row}

    def put(self, slug):
        args = note_parser.parse_args()
        conn = db()
        conn.execute("UPDATE notes SET title = ?, body = ? WHERE slug = ?", (args["title"], args["body"], slug))  # safe: CWE-89
        conn.execute(f"UPDATE notes SET body = '{args['body']}' WHERE slug = 'draft'")  # expect: CWE-89
        return {"ok": True}


class NotePage(Resource):
    def get(self, page):
        rows = db().execute("SELECT slug FROM notes LIMIT 20 OFFSET %d" % (page * 20)).fetchall()  # safe: CWE-89
        return {"rows": rows}


api.add_resource(Note, "/notes/<slug>")
api.add_resource(NotePage, "/notes/page/<int:page>")
