from pyramid.httpexceptions import HTTPFound
from pyramid.view import view_config


@view_config(route_name="login", request_method="POST")
def login(request):
    came_from = request.POST.get("came_from")
    if not came_from:
        return HTTPFound(location=request.route_url("home"))  # safe: CWE-601
    return HTTPFound(location=came_from)  # expect: CWE-601
