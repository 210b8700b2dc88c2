import os

from django.http import HttpResponse


DOCS_DIR = "/srv/app/docs"


def read_doc(request):
    name = request.COOKIES.get("name", "")
    with open(os.path.join(DOCS_DIR, name), encoding="utf-8") as fh:  # expect: CWE-22
        text = fh.read()
    return HttpResponse(text, content_type="text/plain")
