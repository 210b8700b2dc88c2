from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse

import pages

app = FastAPI()
router = APIRouter()


@app.get("/search", response_class=HTMLResponse)
async def search(q: str = ""):
    return f"<h2>Results for {q}</h2><ul></ul>"  # expect: CWE-79


@router.get("/profile/{user}", response_class=pages.Page)
def profile(user: str):
    return "<h1>" + user + "</h1>"  # expect: CWE-79


app.include_router(router)
