import html

from django.db import connection
from django.http import JsonResponse


def find_bookmark(request):
    title = request.GET.get("title", "")
    title = html.escape(title.strip())
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM bookmarks WHERE title = '%s'" % title)  # expect: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"ids": [r[0] for r in rows]})
