import html

from django.http import HttpResponse


def card(request):
    title = request.GET.get("title", "")
    summary = request.GET.get("summary", "")
    title = html.escape(title)
    return HttpResponse(f"<h2>{title}</h2><p>{summary}</p>")  # expect: CWE-79
