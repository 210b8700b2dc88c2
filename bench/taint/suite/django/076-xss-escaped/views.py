import html

from django.http import HttpResponse


def search(request):
    term = request.GET.get("q", "")
    safe_term = html.escape(term)
    return HttpResponse(f"<p>No results for <b>{safe_term}</b></p>")  # safe: CWE-79
