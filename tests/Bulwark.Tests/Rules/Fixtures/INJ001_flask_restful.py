# INJ001 sql-injection: Flask-RESTful resources are method views: `add_resource` gives their route, and what a
# request parser's `parse_args()` returns is request data.
import sqlite3

from flask import Flask
from flask_restful import Api, Resource, reqparse

app = Flask(__name__)
api = Api(app)
db = sqlite3.connect("todo.db")

parser = reqparse.RequestParser()
parser.add_argument("task")
parser.add_argument("limit", type=int)


class Todo(Resource):
    def get(self, todo_id):
        return {"rows": db.execute("SELECT * FROM todos WHERE id = '%s'" % todo_id).fetchall()}  # positive: the route variable

    def put(self, todo_id):
        args = parser.parse_args()
        db.execute("UPDATE todos SET task = ? WHERE id = ?", (args["task"], todo_id))  # negative: bound separately
        db.execute("UPDATE todos SET task = '%s' WHERE id = 1" % args["task"])  # positive: parsed from the request
        return {}


class Counter(Resource):
    def get(self, n):
        return {"rows": db.execute("SELECT * FROM todos LIMIT %d" % n).fetchall()}  # negative: <int:n>


api.add_resource(Todo, "/todos/<todo_id>")
api.add_resource(Counter, "/count/<int:n>")
