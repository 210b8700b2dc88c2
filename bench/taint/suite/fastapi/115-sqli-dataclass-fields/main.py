from fastapi import FastAPI, Query

import queries


app = FastAPI()


@app.get("/books/search")
def search_books(term: str = Query(..., max_length=200), sort: str = Query(..., max_length=200)):
    rows = queries.run(queries.Search(term=term, sort=sort))
    return {"books": rows}
