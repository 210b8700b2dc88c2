from fastapi import FastAPI
from lxml import etree


app = FastAPI()

CATALOGUE = etree.parse("catalogue.xml")


@app.get("/books")
def books_by(author: str = ""):
    titles = CATALOGUE.xpath("//book[author=$author]/title/text()", author=author)  # safe: CWE-643
    return {"titles": [str(t) for t in titles]}
