import subprocess

from django.http import HttpResponse, HttpResponseBadRequest


LINTERS = {"ruff": "/usr/bin/ruff", "mypy": "/usr/bin/mypy", "bandit": "/usr/bin/bandit"}


def run_linter(request):
    tool = request.GET["tool"]
    executable = LINTERS.get(tool)
    if executable is None:
        return HttpResponseBadRequest("invalid request")
    proc = subprocess.run([executable, "/srv/code"], capture_output=True, text=True)  # safe: CWE-78
    return HttpResponse(proc.stdout, content_type="text/plain")
