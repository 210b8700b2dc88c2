from fastapi import FastAPI
from fastapi.responses import HTMLResponse


app = FastAPI()


@app.get("/hello/{name}")
def hello(name: str):
    return HTMLResponse(f"<html><body><h1>Hello, {name}!</h1></body></html>")  # expect: CWE-79
