# INJ008 server-side-template-injection: Bottle takes template text from its first argument, and SimpleTemplate runs
# the Python in `%` lines and `{{ }}` expressions.
from bottle import SimpleTemplate, post, request, template


@post("/preview")
def preview():
    source = request.forms.get("source")
    first = template(source, user="guest")  # positive: the client's template
    second = SimpleTemplate(source).render()  # positive: the same, compiled by hand
    third = template("preview", body=source)  # negative: a named template given the text
    return first + second + third
