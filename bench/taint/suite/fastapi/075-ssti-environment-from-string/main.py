from fastapi import FastAPI, Form
from fastapi.responses import PlainTextResponse
from jinja2 import Environment, FileSystemLoader


app = FastAPI()

env = Environment(loader=FileSystemLoader("templates"), autoescape=True)


@app.post("/layouts/render")
def render_layout(layout: str = Form(...)):
    template = env.from_string(layout)  # expect: CWE-1336
    return PlainTextResponse(template.render(user="guest"))
