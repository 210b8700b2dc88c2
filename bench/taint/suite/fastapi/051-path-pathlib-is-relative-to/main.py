from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse


app = FastAPI()

CONTENT_ROOT = Path("/srv/content").resolve()


@app.get("/pages/{slug:path}")
def page_source(slug: str):
    page = (CONTENT_ROOT / slug).resolve()
    if not page.is_relative_to(CONTENT_ROOT):
        raise HTTPException(status_code=404, detail="not found")
    markdown = page.read_text(encoding="utf-8")  # safe: CWE-22
    return PlainTextResponse(markdown)
