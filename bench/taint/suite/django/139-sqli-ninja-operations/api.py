from django.db import connection
from ninja import NinjaAPI, Schema

api = NinjaAPI()


class TicketIn(Schema):
    subject: str
    priority: int = 3


@api.get("/tickets/{int:ticket_id}")
def ticket(request, ticket_id: int):
    with connection.cursor() as cursor:
        cursor.execute("SELECT subject FROM tickets WHERE id = %d" % ticket_id)  # safe: CWE-89
        return {"ticket": cursor.fetchone()}


@api.get("/queues/{queue}")
def queue(request, queue: str, limit: int = 20):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM tickets WHERE queue = '{queue}' LIMIT {limit}")  # expect: CWE-89
        return {"ids": cursor.fetchall()}


@api.post("/tickets")
def open_ticket(request, payload: TicketIn):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO tickets (subject, priority) VALUES (%s, %s)", [payload.subject, payload.priority])  # safe: CWE-89
        cursor.execute("INSERT INTO audit (line) VALUES ('opened: " + payload.subject + "')")  # expect: CWE-89
    return {"ok": True}


@api.get("/search")
def search(request):
    term = request.GET.get("term", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM tickets WHERE subject LIKE '%" + term + "%'")  # expect: CWE-89
        return {"ids": cursor.fetchall()}
