from fastapi import APIRouter
from lxml import etree


router = APIRouter()

CATALOGUE = etree.parse("catalogue.xml")


@router.get("/books/{author}")
def books_by(author: str):
    titles = CATALOGUE.xpath(f"//book[author='{author}']/title/text()")  # expect: CWE-643
    return {"titles": [str(t) for t in titles]}
