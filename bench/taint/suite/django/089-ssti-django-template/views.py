from django.http import HttpResponse
from django.template import Context, Template
from django.views.decorators.http import require_POST


@require_POST
def render_footer(request):
    body_template = request.POST.get("template", "")
    template = Template(body_template)  # expect: CWE-1336
    return HttpResponse(template.render(Context({"shop": "Acme"})), content_type="text/plain")
