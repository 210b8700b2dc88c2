import xml.sax

from django.http import JsonResponse
from django.views.decorators.http import require_POST


class ElementCounter(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.count = 0

    def startElement(self, name, attrs):
        self.count += 1


@require_POST
def count_elements(request):
    handler = ElementCounter()
    xml.sax.parseString(request.body, handler)  # safe: CWE-611
    return JsonResponse({"elements": handler.count})
