from django.db import connection
from django.http import JsonResponse


ARTICLES_TABLE = "blog_articles"


def article(request):
    slug = request.headers.get("X-Slug", "")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, body FROM {ARTICLES_TABLE} WHERE slug = %s", (slug,))  # safe: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"articles": rows})
