from fastapi import FastAPI
from fastapi.responses import HTMLResponse

import rendering


app = FastAPI()


@app.get("/badge")
def badge(label: str = ""):
    html = rendering.badge(label)
    return HTMLResponse(str(html))  # expect: CWE-79
