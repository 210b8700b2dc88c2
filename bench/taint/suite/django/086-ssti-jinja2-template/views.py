import json

from django.http import HttpResponse
from django.views.decorators.http import require_POST

from . import rendering


@require_POST
def email_preview(request):
    source = json.loads(request.body)["template"]
    text = rendering.render_preview(source, customer="Ada", total="12.00")
    return HttpResponse(text, content_type="text/plain")
