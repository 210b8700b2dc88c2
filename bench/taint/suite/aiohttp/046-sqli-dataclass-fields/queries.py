import sqlite3
from dataclasses import dataclass


@dataclass
class Search:
    term: str
    sort: str = "title"
    limit: int = 20


def run(search):
    conn = sqlite3.connect("library.db")
    return conn.execute(  # expect: CWE-89
        f"SELECT id, title FROM books WHERE title LIKE ? ORDER BY {search.sort} LIMIT {search.limit}",
        ("%" + search.term + "%",),
    ).fetchall()
