import sqlite3

from pyramid.view import view_config


def get_db():
    return sqlite3.connect("library.db")


@view_config(route_name="books", renderer="json")
def books(request):
    author = request.params.get("author", "")
    db = get_db()
    unsafe = db.execute("SELECT title FROM books WHERE author = '" + author + "'").fetchall()  # expect: CWE-89
    safe = db.execute("SELECT title FROM books WHERE author = ?", (author,)).fetchall()  # safe: CWE-89
    return {"unsafe": unsafe, "safe": safe}
