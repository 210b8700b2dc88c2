from django.http import JsonResponse
from lxml import etree


CATALOGUE = etree.parse("catalogue.xml")


def books_by(request):
    author = request.GET.get("author", "")
    titles = CATALOGUE.xpath("//book[author=$author]/title/text()", author=author)  # safe: CWE-643
    return JsonResponse({"titles": [str(t) for t in titles]})
