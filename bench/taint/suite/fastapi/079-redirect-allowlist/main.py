from fastapi import FastAPI, Query
from fastapi.responses import RedirectResponse


app = FastAPI()

SAFE_TARGETS = {"/", "/account", "/billing"}


@app.get("/jump")
def jump(target: str = Query(..., max_length=200)):
    if target not in SAFE_TARGETS:
        target = "/"
    return RedirectResponse(target, status_code=303)  # safe: CWE-601
