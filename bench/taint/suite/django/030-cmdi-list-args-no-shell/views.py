import subprocess

from django.http import HttpResponse


REPO_DIR = "/srv/repos/main"


def repo_log(request):
    ref = request.GET.get("ref", "")
    result = subprocess.run(  # safe: CWE-78
        ["git", "log", "--oneline", "-n", "20", "--", ref],
        capture_output=True,
        text=True,
        cwd=REPO_DIR,
        check=False,
    )
    return HttpResponse(result.stdout, content_type="text/plain")
