import os

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse


app = FastAPI()

DOCS_DIR = "/srv/app/docs"


@app.get("/docs/{name:path}")
def read_doc(name: str):
    with open(os.path.join(DOCS_DIR, name), encoding="utf-8") as fh:  # expect: CWE-22
        text = fh.read()
    return PlainTextResponse(text)
