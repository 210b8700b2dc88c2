from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import PlainTextResponse


router = APIRouter()

CONTENT_ROOT = Path("/srv/content")


@router.get("/pages/{slug:path}")
def page_source(slug: str):
    page = (CONTENT_ROOT / slug).with_suffix(".md")
    markdown = page.read_text(encoding="utf-8")  # expect: CWE-22
    return PlainTextResponse(markdown)
