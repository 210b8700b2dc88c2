import subprocess

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def sync_mirror(request):
    flag = request.GET["verbose"]
    verbose = flag == "1"
    command = "rsync -a" + (" -v" if verbose else "") + " /srv/site/ /srv/mirror/"
    subprocess.run(command, shell=True, check=True)  # safe: CWE-78
    return JsonResponse({"status": "ok"})
