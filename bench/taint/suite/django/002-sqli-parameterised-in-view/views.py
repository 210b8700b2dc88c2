from django.db import connection
from django.http import JsonResponse


def user_detail(request):
    username = request.META.get("HTTP_X_USERNAME", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, email FROM users WHERE username = %s", (username,))  # safe: CWE-89
        rows = cursor.fetchall()
    return JsonResponse({"users": rows})
