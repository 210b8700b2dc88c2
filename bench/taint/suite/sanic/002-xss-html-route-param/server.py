from sanic import Sanic, html, text

app = Sanic("greeter")


@app.get("/greet/<visitor>")
async def greet(request, visitor):
    if request.args.get("plain"):
        return text(f"Hi {visitor}")  # safe: CWE-79
    return html(f"<p>Hi <b>{visitor}</b></p>")  # expect: CWE-79
