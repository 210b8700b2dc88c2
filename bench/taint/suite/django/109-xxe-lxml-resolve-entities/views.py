from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree


@require_POST
def import_xml(request):
    payload = request.body
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(payload, parser)  # expect: CWE-611
    return JsonResponse({"root": root.tag})
