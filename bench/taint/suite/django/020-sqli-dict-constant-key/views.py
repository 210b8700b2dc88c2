import json

from django.db import connection
from django.http import JsonResponse


def posts(request):
    author = json.loads(request.body)["author"]
    archived = request.GET.get("archived", "")
    filters = {"status": "published", "author": author}
    filters["status"] = "archived" if archived == "yes" else "published"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, title FROM posts WHERE status = '{filters['status']}'")  # safe: CWE-89
        rows = cursor.fetchall()
    posts = [r for r in rows if r[1]]
    return JsonResponse({"posts": posts, "author": filters["author"]})
