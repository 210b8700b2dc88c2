# INJ001 sql-injection: Pyramid's request data (params, matchdict, the JSON body) reaching SQL, in function views and
# in the methods of a view class, which keeps the request in `self.request`.
import sqlite3

from pyramid.view import view_config, view_defaults

db = sqlite3.connect("app.db")


@view_config(route_name="search", renderer="json")
def search(request):
    q = request.params.get("q", "")
    db.execute("SELECT * FROM items WHERE name LIKE '%" + q + "%'")  # positive: a query parameter
    db.execute("SELECT * FROM items WHERE name LIKE ?", ("%" + q + "%",))  # negative: bound separately
    return {}


@view_config(route_name="item", renderer="json")
def item(context, request):
    db.execute("SELECT * FROM items WHERE id = %d" % int(request.matchdict["id"]))  # negative: a number
    db.execute("SELECT * FROM tags WHERE item = '%s'" % request.matchdict["id"])  # positive: the URL's value
    return {}


@view_defaults(route_name="orders", renderer="json")
class OrderViews:
    def __init__(self, request):
        self.request = request

    @view_config(request_method="POST")
    def create(self):
        body = self.request.json_body
        db.execute(f"INSERT INTO orders (note) VALUES ('{body['note']}')")  # positive: the JSON body
        return {}

    @view_config(request_method="GET")
    def list(self):
        db.execute("SELECT * FROM orders WHERE status = 'open'")  # negative: constant
        return {}
