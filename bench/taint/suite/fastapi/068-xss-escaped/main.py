from fastapi import APIRouter
from fastapi.responses import HTMLResponse
from markupsafe import escape


router = APIRouter()


@router.get("/search")
def search(term: str = ""):
    safe_term = escape(term)
    return HTMLResponse(f"<p>No results for <b>{safe_term}</b></p>")  # safe: CWE-79
