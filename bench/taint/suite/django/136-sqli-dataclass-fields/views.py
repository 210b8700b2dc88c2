from django.http import JsonResponse

from . import queries


def search_books(request):
    term = request.GET.get("term", "")
    sort = request.GET.get("sort", "")
    rows = queries.run(queries.Search(term=term, sort=sort))
    return JsonResponse({"books": rows})
