import subprocess

from pyramid.view import view_config, view_defaults


@view_defaults(route_name="tools", renderer="json")
class ToolViews:
    def __init__(self, request):
        self.request = request

    @view_config(request_method="POST")
    def traceroute(self):
        payload = self.request.json_body
        target = payload.get("target", "localhost")
        out = subprocess.run("traceroute " + target, shell=True, capture_output=True, text=True)  # expect: CWE-78
        listed = subprocess.run(["traceroute", target], capture_output=True, text=True)  # safe: CWE-78
        return {"out": out.stdout, "listed": listed.stdout}
