from django.http import HttpResponse

from . import rendering


def tags(request):
    tags = request.GET["tags"]
    fragment = rendering.tag_list(tags)
    return HttpResponse(fragment)  # expect: CWE-79
