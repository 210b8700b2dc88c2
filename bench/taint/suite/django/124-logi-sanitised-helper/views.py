import logging

from django.http import JsonResponse

from . import utils


logger = logging.getLogger(__name__)


def search(request):
    term = request.GET.get("q", "")
    logger.info("search for %s", utils.single_line(term))  # safe: CWE-117
    return JsonResponse({"results": []})
