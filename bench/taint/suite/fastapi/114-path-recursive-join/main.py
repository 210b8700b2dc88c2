from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

import paths


app = FastAPI()


@app.get("/wiki")
def wiki_page(page: str = ""):
    text = paths.read_page(page.split(","))
    return PlainTextResponse(text)
