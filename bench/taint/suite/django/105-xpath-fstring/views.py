from django.http import JsonResponse
from lxml import etree


CATALOGUE = etree.parse("catalogue.xml")


def books_by(request, author):
    titles = CATALOGUE.xpath(f"//book[author='{author}']/title/text()")  # expect: CWE-643
    return JsonResponse({"titles": [str(t) for t in titles]})
