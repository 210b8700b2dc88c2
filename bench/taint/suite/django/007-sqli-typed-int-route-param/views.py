from django.db import connection
from django.http import Http404, JsonResponse


def post(request, post_id):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title, body FROM blog_post WHERE id = {post_id}")  # safe: CWE-89
        row = cursor.fetchone()
    if row is None:
        raise Http404("no such post")
    return JsonResponse({"title": row[0], "body": row[1]})
