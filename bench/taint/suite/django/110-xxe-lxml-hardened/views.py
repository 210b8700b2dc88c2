from django.http import JsonResponse
from django.views.decorators.http import require_POST
from lxml import etree


SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@require_POST
def import_xml(request):
    payload = request.body
    root = etree.fromstring(payload, SAFE_PARSER)  # safe: CWE-611
    return JsonResponse({"items": len(root)})
