from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

import rendering


router = APIRouter()


@router.get("/tags")
def tags(tags: str = Query(..., max_length=200)):
    fragment = rendering.tag_list(tags)
    return HTMLResponse(fragment)  # expect: CWE-79
