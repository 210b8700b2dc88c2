from django.http import JsonResponse
from django.views.decorators.http import require_POST

from . import pipelines


@require_POST
def validate_pipeline(request):
    spec_text = request.body.decode()
    steps = pipelines.parse_pipeline(spec_text)
    return JsonResponse({"steps": len(steps)})
