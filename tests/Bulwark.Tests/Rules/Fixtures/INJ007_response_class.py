# INJ007 reflected-xss: FastAPI and Starlette send what a route returns as JSON, unless the route declares an HTML
# `response_class`: then a returned string is the page itself.
import html

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse
from starlette.responses import HTMLResponse as StarletteHTML

app = FastAPI()
router = APIRouter()


class Page(StarletteHTML):
    media_type = "text/html"


@app.get("/search", response_class=HTMLResponse)
async def search(q: str = ""):
    return f"<h2>Results for {q}</h2>"  # positive: the string is the page


@router.get("/profile/{user}", response_class=Page)
def profile(user: str):
    return "<h1>" + user + "</h1>"  # positive: a subclass of HTMLResponse


@app.get("/greet")
def greet(name: str):
    return f"Hello, {name}"  # negative: sent as a JSON string


@app.get("/echo", response_class=PlainTextResponse)
def echo(text: str):
    return "You said: " + text  # negative: plain text


@app.get("/title", response_class=HTMLResponse)
def title(t: str):
    return f"<h1>{html.escape(t)}</h1>"  # negative: escaped


@app.get("/items", response_class=HTMLResponse)
def items(q: str):
    return {"q": q}  # negative: not a string (FastAPI cannot send it as HTML)
