# INJ001 sql-injection: a Flask-RESTX resource takes its route from the `@ns.route(...)` decorator on its class, so
# its converters decide what its methods receive; `ns.payload` is the request's JSON body.
import sqlite3

from flask import Flask
from flask_restx import Api, Namespace, Resource

app = Flask(__name__)
api = Api(app)
ns = Namespace("todos")
api.add_namespace(ns)
db = sqlite3.connect("todo.db")


@ns.route("/<int:todo_id>")
class Todo(Resource):
    def get(self, todo_id):
        return {"rows": db.execute("SELECT * FROM todos WHERE id = " + str(todo_id)).fetchall()}  # negative: <int:todo_id>


@ns.route("/tags/<tag>")
class TaggedTodos(Resource):
    def get(self, tag):
        return {"rows": db.execute("SELECT * FROM todos WHERE tag = '" + tag + "'").fetchall()}  # positive: any segment

    def post(self, tag):
        db.execute("INSERT INTO todos (title, tag) VALUES ('%s', ?)" % ns.payload["title"], (tag,))  # positive: the body
        return {}
