from django.http import JsonResponse


def api_search(request):
    query = request.GET["q"]
    return JsonResponse({"query": query, "results": []})  # safe: CWE-79
