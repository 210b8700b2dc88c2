import xml.etree.ElementTree as ET

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def sitemap_ids(request):
    payload = request.body
    doc = ET.fromstring(payload)  # safe: CWE-611
    return JsonResponse({"entries": [e.get("id") for e in doc.iter("entry")]})
