import subprocess

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def compress_logs(request):
    mode = request.GET["mode"]
    level = "-1" if mode == "fast" else mode
    subprocess.run(f"gzip {level} /var/log/app/archive.log", shell=True)  # expect: CWE-78
    return JsonResponse({"status": "ok"})
