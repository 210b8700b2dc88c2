from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from jinja2 import Environment


app = FastAPI()

env = Environment(autoescape=True)
CARD_TEMPLATE = "<div class='card'>{{ name }}</div>"


@app.get("/card")
def card(name: str = ""):
    template = env.from_string(CARD_TEMPLATE)  # safe: CWE-1336
    return HTMLResponse(template.render(name=name))  # safe: CWE-79
