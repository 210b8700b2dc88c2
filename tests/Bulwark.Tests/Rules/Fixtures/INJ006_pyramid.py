# INJ006 open-redirect: Pyramid's redirect responses to a URL from the request; a route URL is the application's own.
from pyramid.httpexceptions import HTTPFound, HTTPSeeOther
from pyramid.view import view_config


@view_config(route_name="login", request_method="POST")
def login(request):
    came_from = request.params.get("came_from", "/")
    if request.params.get("remember"):
        return HTTPSeeOther(location=request.route_url("home"))  # negative: a route of the application
    return HTTPFound(location=came_from)  # positive: any site
