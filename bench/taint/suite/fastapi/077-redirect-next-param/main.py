from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse


router = APIRouter()


@router.get("/login/done")
def after_login(next_url: str = Form(...)):
    target = next_url or "/"
    return RedirectResponse(target, status_code=303)  # expect: CWE-601
