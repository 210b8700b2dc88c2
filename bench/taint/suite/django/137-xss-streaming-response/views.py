import csv
import io

from django.http import StreamingHttpResponse


def _rows(term):
    yield "<html><body><h1>Results for " + term + "</h1><ul>"
    for n in range(3):
        yield f"<li>item {n}</li>"
    yield "</ul></body></html>"


def search(request):
    term = request.GET.get("q", "")
    return StreamingHttpResponse(_rows(term))  # expect: CWE-79


def export(request):
    term = request.GET.get("q", "")
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["query", term])
    return StreamingHttpResponse([buffer.getvalue()], content_type="text/csv")  # safe: CWE-79
