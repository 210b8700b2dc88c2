from django.http import JsonResponse

from . import services


def word_count(request):
    document = request.GET.get("doc", "")
    count = services.word_count(document)
    return JsonResponse({"words": count})
