from fastapi import FastAPI, Query


app = FastAPI()


@app.get("/api/search")
def api_search(query: str = Query(..., max_length=200)):
    return {"query": query, "results": []}  # safe: CWE-79
