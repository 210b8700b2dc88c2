from fastapi import Query


def sort_order(sort: str = Query("name"), direction: str = Query("asc")) -> str:
    return f"{sort} {direction.upper()}"
