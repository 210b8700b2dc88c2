import os

from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse


app = FastAPI()

TEMPLATE_DIR = "/srv/app/templates"


@app.get("/templates/source")
def template_source(template: str = ""):
    if template.startswith("/"):
        raise HTTPException(status_code=400, detail="invalid request")
    path = os.path.join(TEMPLATE_DIR, template)
    with open(path, encoding="utf-8") as fh:  # expect: CWE-22
        source = fh.read()
    return PlainTextResponse(source)
