# INJ007 reflected-xss: a WebOb response is text/html unless told otherwise; a renderer escapes or writes JSON.
from pyramid.renderers import render
from pyramid.response import Response
from pyramid.view import view_config


@view_config(route_name="hello")
def hello(request):
    name = request.GET.get("name", "")
    if request.GET.get("plain"):
        return Response("Hello " + name, content_type="text/plain")  # negative: plain text
    if request.GET.get("page"):
        return Response(render("templates/hello.jinja2", {"name": name}, request=request))  # negative: rendered
    return Response("<h1>Hello " + name + "</h1>")  # positive: the page


@view_config(route_name="api", renderer="json")
def api(request):
    return {"name": request.GET.get("name")}  # negative: the JSON renderer
