# INJ007 reflected-xss: Django's StreamingHttpResponse sends each piece its iterable yields; it is HTML unless the
# content type says otherwise.
from django.http import StreamingHttpResponse


def search(request):
    term = request.GET.get("q", "")
    return StreamingHttpResponse(["<h1>Results for " + term + "</h1>"])  # positive: an HTML page by default


def export(request):
    term = request.GET.get("q", "")
    return StreamingHttpResponse([term + "\n"], content_type="text/csv")  # negative: not HTML
