# INJ007 reflected-xss: Sanic's `html()` response, or a raw response declared HTML; `text()` and `json()` are not pages.
from sanic import Sanic, html, json, text
from sanic.response import raw

app = Sanic("hello")


@app.get("/hello/<name>")
async def hello(request, name):
    if request.args.get("format") == "json":
        return json({"name": name})  # negative: JSON
    if request.args.get("format") == "text":
        return text("Hello " + name)  # negative: plain text
    if request.args.get("format") == "raw":
        return raw(("<p>" + name + "</p>").encode(), content_type="text/html")  # positive: declared HTML
    return html("<h1>Hello " + name + "</h1>")  # positive: the page
