from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from markupsafe import escape


app = FastAPI()


@app.get("/card")
def card(title: str = "", summary: str = ""):
    title = escape(title)
    return HTMLResponse(f"<h2>{title}</h2><p>{summary}</p>")  # expect: CWE-79
