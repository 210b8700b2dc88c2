import requests
from fastapi import FastAPI


app = FastAPI()


@app.get("/links/check")
def check_link(url: str = ""):
    resp = requests.get(url, timeout=5)  # expect: CWE-918
    return {"status": resp.status_code, "length": len(resp.content)}
