import sqlite3

from bottle import Bottle, request, run

app = Bottle()


def connect():
    return sqlite3.connect("notes.db")


@app.post("/notes/search")
def search_notes():
    term = request.forms.get("term", "")
    conn = connect()
    unsafe = conn.execute("SELECT id, title FROM notes WHERE title LIKE '%" + term + "%'").fetchall()  # expect: CWE-89
    safe = conn.execute("SELECT id, title FROM notes WHERE title LIKE ?", ("%" + term + "%",)).fetchall()  # safe: CWE-89
    return {"unsafe": unsafe, "safe": safe}


if __name__ == "__main__":
    run(app, host="127.0.0.1", port=8080)
