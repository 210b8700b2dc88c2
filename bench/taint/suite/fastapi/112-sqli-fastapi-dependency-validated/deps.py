from fastapi import HTTPException, Query

ORDERINGS = {"name": "title ASC", "newest": "added_at DESC", "cheapest": "price ASC"}


def sort_order(sort: str = Query("name")) -> str:
    try:
        return ORDERINGS[sort]
    except KeyError:
        raise HTTPException(status_code=422, detail="unknown sort order") from None
