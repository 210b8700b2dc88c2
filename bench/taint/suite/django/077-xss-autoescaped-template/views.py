from django.shortcuts import render


def search(request):
    term = request.GET["q"]
    return render(request, "shop/search.html", {"term": term, "results": []})  # safe: CWE-79
