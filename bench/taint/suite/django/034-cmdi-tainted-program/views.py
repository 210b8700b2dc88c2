import subprocess

from django.http import HttpResponse


def run_linter(request):
    linter = request.GET.get("tool", "")
    proc = subprocess.Popen([linter, "--format", "json", "/srv/code"], stdout=subprocess.PIPE)  # expect: CWE-78
    output, _ = proc.communicate()
    return HttpResponse(output.decode(), content_type="text/plain")
