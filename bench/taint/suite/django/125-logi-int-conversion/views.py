import logging

from django.http import JsonResponse


logger = logging.getLogger(__name__)


def listing(request):
    page = request.GET["page"]
    logger.debug("listing page %d", int(page))  # safe: CWE-117
    return JsonResponse({"page": page})
