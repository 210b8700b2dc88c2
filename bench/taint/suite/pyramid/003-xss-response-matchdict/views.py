from pyramid.renderers import render
from pyramid.response import Response
from pyramid.view import view_config


@view_config(route_name="profile")
def profile(request):
    username = request.matchdict["username"]
    if request.params.get("format") == "txt":
        return Response("Profile of " + username, content_type="text/plain")  # safe: CWE-79
    if request.params.get("format") == "full":
        html = render("templates/profile.jinja2", {"username": username}, request=request)
        return Response(html)  # safe: CWE-79
    return Response("<h2>Profile of " + username + "</h2>")  # expect: CWE-79
