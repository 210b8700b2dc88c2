from fastapi import FastAPI, HTTPException, Query, Request


app = FastAPI()

LANGUAGES = {"en", "de", "fr", "nl"}


@app.get("/lang")
def set_language(request: Request, lang: str = Query(..., max_length=200)):
    if lang not in LANGUAGES:
        raise HTTPException(status_code=400, detail="invalid request")
    request.session["lang"] = lang  # safe: CWE-501
    return {"status": "ok"}
