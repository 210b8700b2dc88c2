from fastapi import FastAPI, Query

import services


app = FastAPI()


@app.get("/documents/words")
def word_count(document: str = Query(..., max_length=200)):
    count = services.word_count(document)
    return {"words": count}
