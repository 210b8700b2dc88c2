from django.db import connection
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def remove_items(request):
    ids = request.POST["ids"]
    id_list = ", ".join(part.strip() for part in ids.split(",") if part)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM cart_items WHERE id IN ({id_list})")  # expect: CWE-89
        deleted = cursor.rowcount
    return JsonResponse({"deleted": deleted})
