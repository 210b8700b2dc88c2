from fastapi import APIRouter
from fastapi.responses import RedirectResponse

import auth


router = APIRouter()


@router.get("/login/complete")
def login_complete(return_to: str = ""):
    return RedirectResponse(auth.landing_page(return_to), status_code=303)  # expect: CWE-601
