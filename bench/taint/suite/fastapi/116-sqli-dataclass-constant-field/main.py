from fastapi import APIRouter

import queries


router = APIRouter()


@router.get("/books/search")
def search_books(term: str = ""):
    rows = queries.run(queries.Search(term=term))
    return {"books": rows}
