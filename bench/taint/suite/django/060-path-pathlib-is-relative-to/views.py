from pathlib import Path

from django.http import Http404, HttpResponse


CONTENT_ROOT = Path("/srv/content").resolve()


def page_source(request, slug):
    page = (CONTENT_ROOT / slug).resolve()
    if not page.is_relative_to(CONTENT_ROOT):
        raise Http404("not found")
    markdown = page.read_text(encoding="utf-8")  # safe: CWE-22
    return HttpResponse(markdown, content_type="text/plain")
