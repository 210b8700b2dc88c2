from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import feeds


@require_POST
def count_feed_items(request):
    count = feeds.count_items(request.FILES["feed"].read())
    return JsonResponse({"items": count})
