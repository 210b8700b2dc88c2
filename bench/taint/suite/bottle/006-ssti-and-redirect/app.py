from bottle import Bottle, redirect, request, template

app = Bottle()


@app.post("/cards/preview")
def preview():
    layout = request.forms.get("layout")
    if request.forms.get("custom"):
        return template(layout, title="Card")  # expect: CWE-1336
    return template("card", title=layout)  # safe: CWE-1336


@app.get("/logout")
def logout():
    target = request.query.get("return_to")
    if target:
        redirect(target)  # expect: CWE-601
    redirect("/")  # safe: CWE-601
