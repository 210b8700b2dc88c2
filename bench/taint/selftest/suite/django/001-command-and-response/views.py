import os
import subprocess

from django.http import HttpResponse


def run(request):
    cmd = request.GET["c"]
    subprocess.run(["ls", cmd])  # safe: CWE-78
    subprocess.run(cmd, shell=True)  # expect: CWE-78
    os.system("uptime")  # safe: CWE-78
    os.system(os.environ["HOOK"])  # expect-low: CWE-78
    return HttpResponse(cmd)  # expect: CWE-79, safe: CWE-89
