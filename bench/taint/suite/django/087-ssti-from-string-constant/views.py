from django.http import HttpResponse
from jinja2 import Environment


env = Environment(autoescape=True)
CARD_TEMPLATE = "<div class='card'>{{ name }}</div>"


def card(request):
    name = request.GET["name"]
    template = env.from_string(CARD_TEMPLATE)  # safe: CWE-1336
    return HttpResponse(template.render(name=name))  # safe: CWE-79
