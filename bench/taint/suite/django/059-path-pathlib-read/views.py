from pathlib import Path

from django.http import HttpResponse


CONTENT_ROOT = Path("/srv/content")


def page_source(request, slug):
    page = (CONTENT_ROOT / slug).with_suffix(".md")
    markdown = page.read_text(encoding="utf-8")  # expect: CWE-22
    return HttpResponse(markdown, content_type="text/plain")
