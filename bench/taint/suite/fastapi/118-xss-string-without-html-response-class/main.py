import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, PlainTextResponse

app = FastAPI()


@app.get("/greet")
def greet(name: str):
    return f"Hello, {name}"  # safe: CWE-79


@app.get("/echo", response_class=PlainTextResponse)
def echo(text: str):
    return "You said: " + text  # safe: CWE-79


@app.get("/page", response_class=HTMLResponse)
def page(title: str):
    return f"<h1>{html.escape(title)}</h1>"  # safe: CWE-79
