# INJ001 sql-injection: Django Ninja binds an operation's parameters by their annotations, as FastAPI does: a path or
# query parameter typed `int` holds a number, a Schema is the request body; the request itself is Django's.
from django.db import connection
from ninja import NinjaAPI, Schema

api = NinjaAPI()


class NoteIn(Schema):
    title: str


@api.get("/notes/{int:note_id}/{slug}")
def note(request, note_id: int, slug: str, page: int = 1):
    with connection.cursor() as cur:
        cur.execute("SELECT * FROM notes WHERE id = " + str(note_id) + " LIMIT 10 OFFSET " + str(page * 10))  # negative: numbers
        cur.execute("SELECT * FROM notes WHERE slug = '" + slug + "'")  # positive: a path parameter
    return {}


@api.post("/notes")
def create(request, payload: NoteIn):
    with connection.cursor() as cur:
        cur.execute("INSERT INTO notes (title) VALUES ('%s')" % payload.title)  # positive: the body
        cur.execute("INSERT INTO notes (title) VALUES (%s)", [payload.title])  # negative: bound separately
    return {}


@api.get("/search")
def search(request):
    with connection.cursor() as cur:
        cur.execute("SELECT * FROM notes WHERE title LIKE '%%%s%%'" % request.GET.get("q", ""))  # positive: Django's request
    return {}
